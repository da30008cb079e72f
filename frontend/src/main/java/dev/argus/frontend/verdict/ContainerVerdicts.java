package dev.argus.frontend.verdict;

import dev.argus.common.message.Extraction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdicts of a scan's file tree: a container's verdict is at least as bad as the worst of what it holds, and a
 * container whose content was not all scanned (encrypted, a limit, damage) is at least {@code suspicious}, never
 * {@code clean}. The explanation of a container with a flagged file below it starts with the path to that file, e.g.
 * {@code outer.zip › docs/inner.7z › payload.exe: clamav Eicar-Signature}. A container's verdict waits (null) until
 * every file below it has one. Pure; thread-safe.
 */
public final class ContainerVerdicts {

    /** Separates the steps of a path in explanations. */
    public static final String STEP = " › ";

    private ContainerVerdicts() {
    }

    /**
     * One file of the tree.
     *
     * @param sha256     the file
     * @param parent     the container it was found in, or null for an upload
     * @param label      how the file is named in a path: an upload's name, a member's path
     * @param own        the verdict from its own results, or null while they are not all in
     * @param extraction for a container, what became of it when it was opened, else null
     * @param detections what flagged it, e.g. {@code clamav Eicar-Signature}, for the path line
     */
    public record Node(String sha256, String parent, String label, Verdict own, Extraction extraction,
                       List<String> detections) {
    }

    /** Each file's verdict in its tree, by sha256 (null while something below it has none). */
    public static Map<String, Verdict> judge(List<Node> nodes) {
        Map<String, Node> bySha = new LinkedHashMap<>();
        nodes.forEach(n -> bySha.putIfAbsent(n.sha256(), n));
        Map<String, List<Node>> children = new HashMap<>();
        for (Node node : bySha.values()) {
            if (node.parent() != null && bySha.containsKey(node.parent()) && !node.parent().equals(node.sha256())) {
                children.computeIfAbsent(node.parent(), p -> new ArrayList<>()).add(node);
            }
        }
        Map<String, Verdict> verdicts = new HashMap<>();
        for (Node node : bySha.values()) {
            verdicts.put(node.sha256(), judge(node, children, new HashSet<>()));
        }
        return verdicts;
    }

    /**
     * The node's verdict: its own, raised to the worst flagged verdict below it and to {@code suspicious} when its
     * content was not all scanned; each reason, when there is one, becomes the first lines of the explanation (the
     * path to the worst file below first), even when the node's own verdict was already as bad.
     */
    private static Verdict judge(Node node, Map<String, List<Node>> children, Set<String> ancestors) {
        if (node.own() == null || !ancestors.add(node.sha256())) {
            return node.own();
        }
        Verdict worstBelow = null;
        String worstPath = null;
        for (Node child : children.getOrDefault(node.sha256(), List.of())) {
            Verdict below = judge(child, children, ancestors);
            if (below == null) {
                ancestors.remove(node.sha256());
                return null;
            }
            if (rank(below) > 0 && (worstBelow == null || rank(below) > rank(worstBelow))) {
                worstBelow = below;
                worstPath = node.label() + STEP + causeOf(child, below);
            }
        }
        ancestors.remove(node.sha256());
        Verdict own = node.own();
        Verdict.Label label = own.label();
        double confidence = own.confidence();
        List<String> reasons = new ArrayList<>();
        if (worstBelow != null) {
            reasons.add(worstPath);
            if (rank(worstBelow) > rank(own)) {
                label = worstBelow.label();
                confidence = worstBelow.confidence();
            }
        }
        if (node.extraction() != null && node.extraction().status().leavesContentUnscanned()) {
            reasons.add(node.label() + ": " + unscanned(node));
            if (rank(label) < rank(Verdict.Label.SUSPICIOUS)) {
                label = Verdict.Label.SUSPICIOUS;
                confidence = 0.5;
            }
        }
        if (reasons.isEmpty()) {
            return own;
        }
        reasons.addAll(own.explanation());
        return new Verdict(label, confidence, own.method(), reasons);
    }

    /**
     * The path line of a child's verdict: its own first line when it was raised itself, the override when one
     * decided it (e.g. {@code payload.exe: block-listed by alice: …}), else its detections.
     */
    private static String causeOf(Node child, Verdict below) {
        if (below != child.own() && !below.explanation().isEmpty()) {
            return below.explanation().getFirst();
        }
        if (Verdicts.OVERRIDE.equals(below.method()) && !below.explanation().isEmpty()) {
            return child.label() + ": " + below.explanation().getFirst();
        }
        return child.label() + ": " + (child.detections().isEmpty() ? below.label().wireName()
                : String.join(", ", child.detections()));
    }

    private static String unscanned(Node node) {
        Extraction extraction = node.extraction();
        return extraction.status().wireName() + (extraction.detail() == null ? "" : " (" + extraction.detail() + ")")
                + ", content not scanned";
    }


    private static int rank(Verdict verdict) {
        return rank(verdict.label());
    }

    private static int rank(Verdict.Label label) {
        return switch (label) {
            case MALICIOUS -> 2;
            case SUSPICIOUS -> 1;
            case CLEAN, UNKNOWN -> 0;
        };
    }

    /** A file's detections for path lines: {@code probe threat} per malicious or suspicious result. */
    public static String detection(String probe, String threat) {
        return threat == null || threat.isBlank() ? probe : probe + " " + threat.strip();
    }

}
