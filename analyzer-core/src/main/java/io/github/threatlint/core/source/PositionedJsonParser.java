package io.github.threatlint.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.ReaderBasedJsonParser;
import com.fasterxml.jackson.core.sym.CharsToNameCanonicalizer;
import java.io.IOException;
import java.io.Reader;

/**
 * Jackson's parser of a JSON text that also tells where it is without making a {@link
 * JsonLocation}: the same line and column as {@link #currentLocation} and, on a member name, as
 * {@link #currentTokenLocation}, read from the fields those methods read. {@link TreeParser} asks
 * three positions per member; as location objects they were 10 MB of a cold Stripe JSON run's
 * allocation, made on the parse that every later step waits for.
 */
final class PositionedJsonParser extends ReaderBasedJsonParser {
  private PositionedJsonParser(
      IOContext context,
      int features,
      Reader reader,
      ObjectCodec codec,
      CharsToNameCanonicalizer names,
      char[] buffer,
      int start,
      int end,
      boolean recyclable) {
    super(context, features, reader, codec, names, buffer, start, end, recyclable);
  }

  private PositionedJsonParser(
      IOContext context,
      int features,
      Reader reader,
      ObjectCodec codec,
      CharsToNameCanonicalizer names) {
    super(context, features, reader, codec, names);
  }

  /** The line of {@link #currentLocation}. */
  int currentLine() {
    return _currInputRow;
  }

  /** The column of {@link #currentLocation}. */
  int currentColumn() {
    return _inputPtr - _currInputRowStart + 1;
  }

  /** The line of {@link #currentTokenLocation} when the current token is a member name. */
  int nameLine() {
    return _nameStartRow;
  }

  /** The column of {@link #currentTokenLocation} when the current token is a member name. */
  int nameColumn() {
    return _nameStartCol;
  }

  /** Jackson's factory, making this parser where it makes its own parser of characters. */
  static final class Factory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    Factory(JsonFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) {
      return new PositionedJsonParser(
          context, _parserFeatures, reader, _objectCodec, _rootCharSymbols.makeChild());
    }

    @Override
    protected JsonParser _createParser(
        char[] data, int offset, int length, IOContext context, boolean recyclable)
        throws IOException {
      _streamReadConstraints.validateDocumentLength(length);
      return new PositionedJsonParser(
          context,
          _parserFeatures,
          null,
          _objectCodec,
          _rootCharSymbols.makeChild(),
          data,
          offset,
          offset + length,
          recyclable);
    }
  }
}
