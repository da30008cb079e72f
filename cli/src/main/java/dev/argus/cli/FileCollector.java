package dev.argus.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the paths of a command line into the files to scan. A named path is taken as given (a symbolic link
 * named on the command line is followed); inside a directory the walk is recursive and follows no symbolic link,
 * neither to a file nor to a directory, so it stays in the tree and cannot loop: such links are reported as
 * skipped. Unreadable files and directories are reported as problems; neither stops the walk.
 */
public final class FileCollector {

    /** A regular file to scan. path is as the user sees it (the argument, or below it). */
    public record Candidate(Path path, long size) {
    }

    /** A path that is not scanned, and why. */
    public record Problem(Path path, String reason) {
    }

    /** What a walk found: the files, the errors (unreadable, missing) and what it skipped on purpose. */
    public record Collected(List<Candidate> files, List<Problem> errors, List<Problem> skipped) {
    }

    private FileCollector() {
    }

    public static Collected collect(List<Path> roots) {
        List<Candidate> files = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                errors.add(new Problem(root, "no such file or directory"));
            } else if (Files.isDirectory(root)) {
                walk(root, files, errors, skipped);
            } else if (Files.isRegularFile(root)) {
                add(root, files, errors);
            } else {
                skipped.add(new Problem(root, "not a regular file"));
            }
        }
        return new Collected(files, errors, skipped);
    }

    private static void walk(Path root, List<Candidate> files, List<Problem> errors, List<Problem> skipped) {
        // A directory named through a symbolic link: walk what it points to, show the paths under the link.
        Path start = Files.isSymbolicLink(root) ? root.resolve(".") : root;
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    Path shown = start == root ? file : file.normalize();
                    if (attributes.isSymbolicLink()) {
                        skipped.add(new Problem(shown, "symbolic link (not followed)"));
                    } else if (attributes.isRegularFile()) {
                        if (Files.isReadable(file)) {
                            files.add(new Candidate(shown, attributes.size()));
                        } else {
                            errors.add(new Problem(shown, "permission denied"));
                        }
                    } else if (!attributes.isDirectory()) {
                        skipped.add(new Problem(shown, "not a regular file"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.add(new Problem(start == root ? file : file.normalize(), reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(new Problem(root, reason(e)));
        }
    }

    private static void add(Path file, List<Candidate> files, List<Problem> errors) {
        try {
            if (!Files.isReadable(file)) {
                errors.add(new Problem(file, "permission denied"));
                return;
            }
            files.add(new Candidate(file, Files.size(file)));
        } catch (IOException e) {
            errors.add(new Problem(file, reason(e)));
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** True for a regular file that is not a symbolic link. */
    static boolean isPlainFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }
}
