import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The floor of the benchmark: only read the file and build swagger-parser's model, with reference
 * resolution off (the options threatlint uses), converting Swagger 2.0 as swagger-parser does.
 */
public final class ParseFloor {
  /** A top-level swagger key: at most two spaces of indentation, anywhere in the file (Kubernetes puts it last). */
  private static final Pattern SWAGGER_2 = Pattern.compile("(?m)^ {0,2}\"?swagger\"?\\s*:");

  /** Builds the model of each file named; bench/run names one, its class-data archive's training run two. */
  public static void main(String[] args) throws Exception {
    for (String file : args) {
      SwaggerParseResult result = model(Path.of(file));
      if (result.getOpenAPI() == null) {
        System.err.println("floor: no model for " + file + ": " + result.getMessages());
        System.exit(2);
      }
      System.out.println("paths=" + (result.getOpenAPI().getPaths() == null ? 0 : result.getOpenAPI().getPaths().size()));
    }
  }

  /** What the floor does for one file: its text read and swagger-parser's model built (Compiled repeats it). */
  static SwaggerParseResult model(Path file) throws java.io.IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    options.setResolveFully(false);
    options.setValidateExternalRefs(false);
    options.setValidateInternalRefs(false);
    return SWAGGER_2.matcher(text).find()
        ? new SwaggerConverter().readContents(text, null, options)
        : new OpenAPIV3Parser().readContents(text, null, options);
  }
}
