package dev.argus.verdict.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TreeJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTreeSurvivesAJsonRoundTripAndClassifiesTheSame() {
        TreeNode root = new TreeNode("clamav", 30, 30, Map.of(
                "malicious", TreeNode.leaf(new ClassCounts(29, 1)),
                "undetected", new TreeNode("yara", 1, 29, Map.of(
                        "malicious", TreeNode.leaf(new ClassCounts(1, 4)),
                        "undetected", TreeNode.leaf(new ClassCounts(0, 25))))));
        DecisionTree tree = new DecisionTree(root, List.of("clamav", "yara"));

        String text = json.writeValueAsString(tree);
        DecisionTree back = json.readValue(text, DecisionTree.class);

        assertThat(back).isEqualTo(tree);
        assertThat(text).contains("\"probe\":\"clamav\"", "\"children\"");
        assertThat(back.classify(Map.of("clamav", "undetected", "yara", "undetected")).path())
                .containsExactly("clamav=undetected", "yara=undetected");
    }
}
