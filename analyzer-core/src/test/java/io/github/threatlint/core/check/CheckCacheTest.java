package io.github.threatlint.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which edits keep swagger-parser's messages: prose that stays a string, and nothing else. */
class CheckCacheTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void treesThatDifferInTheTextOfProseAreTheSame() throws Exception {
    assertThat(
            same(
                "{'info': {'description': 'old', 'summary': 'a'}, 'tags': [{'description': ''}]}",
                "{'info': {'description': 'new\\nlines', 'summary': ''}, 'tags': [{'description': 'x'}]}"))
        .isTrue();
  }

  @Test
  void anyOtherDifferenceIsNot() throws Exception {
    String tree = "{'info': {'description': 'old', 'title': 'T'}, 'x': [1, true]}";
    // other text, another type, a member more, less, renamed or moved, another number or boolean
    assertThat(same(tree, tree.replace("'T'", "'U'"))).isFalse();
    assertThat(same(tree, tree.replace("'old'", "1"))).isFalse();
    assertThat(same(tree, tree.replace("'old'", "{}"))).isFalse();
    assertThat(same(tree, tree.replace("'title'", "'summary'"))).isFalse();
    assertThat(same(tree, tree.replace(", 'title': 'T'", ""))).isFalse();
    assertThat(same(tree, tree.replace("'x'", "'y'"))).isFalse();
    assertThat(same(tree, "{'info': {'title': 'T', 'description': 'old'}, 'x': [1, true]}"))
        .isFalse();
    assertThat(same(tree, tree.replace("1,", "2,"))).isFalse();
    assertThat(same(tree, tree.replace("true", "false"))).isFalse();
    assertThat(same(tree, tree.replace("true", "true, null"))).isFalse();
    assertThat(same(tree, tree)).isTrue();
  }

  private static boolean same(String left, String right) throws Exception {
    return CheckCache.sameButProse(tree(left), tree(right));
  }

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }
}
