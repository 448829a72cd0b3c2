package io.github.threatlint.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The findings as one JSON document: {@code {"tool": {name, version}, "findings": [...], "errors":
 * [...], "summary": {...}}}. Every finding is listed; suppressed ones carry {@code suppressed:
 * {kind, reason}}.
 */
public final class JsonReporter implements Reporter {
  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    write(result, context, SarifReporter.JSON.createGenerator(out));
    out.write("\n");
  }

  /** As UTF-8 made by the generator, without an encoder's second pass over the text. */
  @Override
  public void write(AnalysisResult result, ReportContext context, OutputStream out)
      throws IOException {
    write(result, context, SarifReporter.JSON.createGenerator(out, JsonEncoding.UTF8));
    out.write('\n');
  }

  private static void write(AnalysisResult result, ReportContext context, JsonGenerator generator)
      throws IOException {
    try (JsonGenerator json = generator) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      Indentation.prettyPrint(json);
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", ReportContext.TOOL_NAME);
      json.writeStringField("version", context.toolVersion());
      json.writeEndObject();
      json.writeArrayFieldStart("findings");
      // the summary's counts, taken as the findings are written: a pass each over 112,000
      // findings (the directory corpus) was a tenth of the report
      int[] active = new int[Level.values().length];
      int suppressed = 0;
      for (Finding finding : result.findings()) {
        if (finding.isSuppressed()) {
          suppressed++;
        } else {
          active[finding.level().ordinal()]++;
        }
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        json.writeStringField("level", finding.level().label());
        json.writeStringField("message", finding.message());
        json.writeStringField("file", finding.file());
        json.writeStringField("pointer", finding.pointer());
        writeRegion(json, finding.region());
        if (!finding.related().isEmpty()) {
          json.writeArrayFieldStart("related");
          for (Finding.Related place : finding.related()) {
            json.writeStartObject();
            json.writeStringField("message", place.label());
            json.writeStringField("file", place.file());
            json.writeStringField("pointer", place.pointer());
            writeRegion(json, place.region());
            json.writeEndObject();
          }
          json.writeEndArray();
        }
        if (finding.isSuppressed()) {
          json.writeObjectFieldStart("suppressed");
          json.writeStringField("kind", finding.suppression().kind());
          json.writeStringField("reason", finding.suppression().reason());
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("errors");
      for (ToolError error : result.errors()) {
        json.writeStartObject();
        json.writeStringField("file", error.file());
        if (error.line() > 0) {
          json.writeNumberField("line", error.line());
          json.writeNumberField("column", error.column());
        }
        if (error.ruleId() != null) {
          json.writeStringField("ruleId", error.ruleId());
          json.writeStringField("pointer", error.pointer());
        }
        json.writeStringField("message", error.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("files", result.files().size());
      int errors = active[Level.ERROR.ordinal()];
      int warnings = active[Level.WARNING.ordinal()];
      int notes = active[Level.NOTE.ordinal()];
      json.writeNumberField("findings", errors + warnings + notes);
      json.writeNumberField("error", errors);
      json.writeNumberField("warning", warnings);
      json.writeNumberField("note", notes);
      json.writeNumberField("suppressed", suppressed);
      json.writeNumberField("toolErrors", result.errors().size());
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  private static void writeRegion(JsonGenerator json, Region region) throws IOException {
    json.writeNumberField("line", region.startLine());
    json.writeNumberField("column", region.startColumn());
    json.writeNumberField("endLine", region.endLine());
    json.writeNumberField("endColumn", region.endColumn());
  }
}
