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

  @Test
  void textNamedDescriptionInDataIsNotProse() throws Exception {
    // an example's field, a discriminator mapping's key, an extension's member, a link's parameter
    String tree =
        "{'components': {'schemas': {'Pet': {'example': {'description': 'a'},"
            + " 'discriminator': {'mapping': {'summary': '#/A'}}, 'x-notes': {'description': 'a'}}},"
            + " 'links': {'L': {'description': 'a', 'parameters': {'description': '$request.path.a'}}}}}";
    assertThat(same(tree, tree.replace("{'description': 'a'},", "{'description': 'b'},")))
        .isFalse();
    assertThat(same(tree, tree.replace("'#/A'", "'#/B'"))).isFalse();
    assertThat(
            same(
                tree,
                tree.replace("'x-notes': {'description': 'a'}", "'x-notes': {'description': 'b'}")))
        .isFalse();
    assertThat(same(tree, tree.replace("$request.path.a", "$request.path.b"))).isFalse();
    // the link's own description is prose
    assertThat(same(tree, tree.replace("'L': {'description': 'a'", "'L': {'description': 'b'")))
        .isTrue();
  }

  private static boolean same(String left, String right) throws Exception {
    return CheckCache.sameButProse(tree(left), tree(right));
  }

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }
}
