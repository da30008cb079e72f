package dev.argus.frontend.frontdoor.clamd;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection speaking clamd's protocol ({@value #COMMANDS}). A command is {@code z<COMMAND>\0},
 * {@code n<COMMAND>\n} or the legacy unprefixed {@code <COMMAND>\n}; its answer ends with the same terminator
 * (NUL for {@code z}, newline otherwise). Outside a session the connection is closed after one command; after
 * {@code IDSESSION} commands follow one another, each answer prefixed with the command's number ({@code 1: PONG}),
 * until {@code END} (no answer) or an error. An unknown command is answered {@code UNKNOWN COMMAND} (inside a
 * session: clamd's {@code Command invalid inside IDSESSION. ERROR}) and the connection closed. A stream past the
 * limit is answered {@code INSTREAM size limit exceeded. ERROR} and the connection closed, its rest unread.
 */
final class ClamdConnection {

    private static final Logger log = LoggerFactory.getLogger(ClamdConnection.class);
    /** Longer commands are unknown; clamd's longest (a SCAN with a path) is not served here. */
    private static final int MAX_COMMAND = 256;
    /** What {@code VERSIONCOMMANDS} lists; clients such as clamav-client check it for INSTREAM before scanning. */
    private static final String COMMANDS = "PING VERSION VERSIONCOMMANDS IDSESSION END INSTREAM";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final long streamLimit;
    private final String version;
    private final Function<ChunkedStream, ClamdScans.Answer> scanner;
    private boolean session;
    private int number;

    /**
     * @param scanner scans one stream and answers it, on this connection's thread; throws
     *                {@link UncheckedIOException} when the client failed inside the stream
     */
    ClamdConnection(Socket socket, long streamLimit, String version,
                    Function<ChunkedStream, ClamdScans.Answer> scanner) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.streamLimit = streamLimit;
        this.version = version;
        this.scanner = scanner;
    }

    /** Serves commands until the connection is done; IO errors (a client gone, a read timeout) end it quietly. */
    void serve() {
        try {
            while (serveOne()) {
                // next command of the session
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("clamd connection from {} ended: {}", socket.getInetAddress().getHostAddress(), e.toString());
        }
    }

    /** Serves one command; true when the connection stays open for another. */
    private boolean serveOne() throws IOException {
        Command command = readCommand();
        if (command == null) {
            return false;
        }
        String prefix = session ? ++number + ": " : "";
        switch (command.name()) {
            case "PING" -> answer(command, prefix + "PONG");
            case "VERSION" -> answer(command, prefix + version);
            case "VERSIONCOMMANDS" -> answer(command, prefix + version + "| COMMANDS: " + COMMANDS);
            case "INSTREAM" -> {
                ChunkedStream stream = new ChunkedStream(in, streamLimit);
                ClamdScans.Answer answer = scanner.apply(stream);
                if (answer.closes()) {
                    answer(command, prefix + answer.text());
                    return false;
                }
                stream.drain(); // up to the end chunk, when the scan failed before reading it
                answer(command, prefix + answer.text());
            }
            case "IDSESSION" -> {
                if (session) {
                    answer(command, prefix + "Command invalid inside IDSESSION. ERROR");
                    return false;
                }
                session = true;
                return true;
            }
            case "END" -> {
                if (!session) {
                    answer(command, "UNKNOWN COMMAND");
                }
                return false;
            }
            default -> {
                answer(command, session ? prefix + "Command invalid inside IDSESSION. ERROR" : "UNKNOWN COMMAND");
                return false;
            }
        }
        return session;
    }

    private void answer(Command command, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.write(command.terminator());
        out.flush();
    }

    /**
     * The next command, or null when the client closed the connection before sending one. A command cut short by
     * the end of the connection counts as sent (clamd answers a bare {@code PING} too).
     */
    private Command readCommand() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int terminator = first == 'z' ? 0 : '\n';
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        if (first != 'z' && first != 'n') {
            name.write(first);
        }
        int next;
        while ((next = in.read()) >= 0 && next != terminator) {
            if (name.size() >= MAX_COMMAND) {
                return new Command("", terminator);
            }
            name.write(next);
        }
        String text = name.toString(StandardCharsets.US_ASCII);
        if (terminator == '\n' && text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Command(text, terminator);
    }

    private record Command(String name, int terminator) {
    }
}
