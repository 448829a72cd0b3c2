package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.models.Xml;
import io.swagger.models.properties.ArrayProperty;
import io.swagger.models.properties.BooleanValueProperty;
import io.swagger.models.properties.ComposedProperty;
import io.swagger.models.properties.MapProperty;
import io.swagger.models.properties.ObjectProperty;
import io.swagger.models.properties.Property;
import io.swagger.models.properties.PropertyBuilder;
import io.swagger.models.properties.PropertyBuilder.PropertyId;
import io.swagger.models.properties.RefProperty;
import io.swagger.parser.util.SwaggerDeserializer;
import java.math.BigDecimal;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * swagger-parser's Swagger 2.0 deserializer (1.0.76), for its messages only. Two of its steps go
 * through swagger-core's Jackson object mapper, whose set-up and first conversions were most of the
 * model's cost on a cold start (Kubernetes: the mapper 157-184 ms, its first conversions 100 ms,
 * against 130 ms for the deserializer's own work):
 *
 * <ul>
 *   <li>each {@code x-} extension's value converted to Java objects: kept as the tree's node
 *       instead (the model stores it and no message depends on it);
 *   <li>each schema property converted to swagger-core's {@link Property} by its {@code
 *       PropertyDeserializer}: made here by the same steps, read from the node itself rather than
 *       from a copy Jackson prints and reads back, and with the extensions kept as nodes. The
 *       property decides a message (an array without {@code items}), and a wrongly typed value in
 *       it stops the deserializer (a {@code ClassCastException}, a {@code NumberFormatException}):
 *       both happen here where they happen in swagger-core.
 * </ul>
 *
 * The deserializer's other conversions (a parameter's {@code items}, {@code xml}, a response's
 * {@code headers} and {@code examples}, basic and OAuth 2 security schemes, a definition's {@code
 * example} and {@code additionalProperties}) are rarer and stay as they are. The tree is not
 * changed: swagger-parser adds the {@code type} it infers from a property's {@code enum} to the
 * node, and here to a copy of it. {@code MessagesOnlySwaggerDeserializerTest} compares the messages
 * with the original's.
 */
final class MessagesOnlySwaggerDeserializer extends SwaggerDeserializer {

  /** The value as written: swagger-parser converts it and no message depends on it. */
  @Override
  public Object extension(JsonNode jsonNode) {
    return jsonNode;
  }

  /**
   * The node's field names as a view, not copied into a new set: the deserializer only iterates
   * them, and the tree does not change while it runs. The copies (a LinkedHashSet per object read)
   * were about 4 MB of the 17 MB a cold run on Kubernetes allocated here (sampled).
   */
  @Override
  public Set<String> getKeys(ObjectNode node) {
    return node == null ? Set.of() : new FieldNames(node);
  }

  /** An object node's field names, in order. */
  private static final class FieldNames extends AbstractSet<String> {
    private final ObjectNode node;

    FieldNames(ObjectNode node) {
      this.node = node;
    }

    @Override
    public Iterator<String> iterator() {
      return node.fieldNames();
    }

    @Override
    public int size() {
      return node.size();
    }
  }

  /** As the original, without the object mapper and without changing the tree. */
  @Override
  public Property property(ObjectNode node, String location, ParseResult result) {
    if (node == null) {
      return null; // the mapper converts null to null
    }
    ObjectNode read = node;
    if (node.get("type") == null) {
      // may have an enum where type can be inferred
      JsonNode enumNode = node.get("enum");
      if (enumNode != null && enumNode.isArray()) {
        read = node.deepCopy();
        read.put("type", inferTypeFromArray((ArrayNode) enumNode));
      }
    }
    return propertyFromNode(read);
  }

  // The rest is swagger-core 1.6.16's PropertyDeserializer, but for the extensions' values (the
  // nodes as written) and its log line about a property of unknown type.

  private static Property propertyFromNode(JsonNode node) {
    if (node.isBoolean()) {
      return new BooleanValueProperty(node.asBoolean());
    }
    final String type = getString(node, PropertyId.TYPE);
    final String title = getString(node, PropertyId.TITLE);
    final String format = getString(node, PropertyId.FORMAT);
    final Boolean readOnly = getBoolean(node, PropertyId.READ_ONLY);

    String description = getString(node, PropertyId.DESCRIPTION);

    Xml xml = getXml(node);

    JsonNode detailNode = node.get("$ref");
    if (detailNode != null) {
      RefProperty refProperty = new RefProperty(detailNode.asText());
      refProperty.setDescription(description);
      refProperty.setTitle(title);
      refProperty.setReadOnly(readOnly);
      refProperty.setXml(xml);
      return refProperty;
    }

    if (ObjectProperty.isType(type)
        || node.get("properties") != null
        || node.get("allOf") != null) {
      JsonNode example = node.get(PropertyId.EXAMPLE.getPropertyName());
      detailNode = node.get("additionalProperties");
      if (detailNode != null && detailNode.getNodeType().equals(JsonNodeType.OBJECT)) {
        Property items = propertyFromNode(detailNode);
        if (items != null) {
          return mapProperty(node, items, description, title, xml, example, readOnly);
        }
      } else if (detailNode != null && detailNode.getNodeType().equals(JsonNodeType.BOOLEAN)) {
        Property items = new BooleanValueProperty(detailNode.asBoolean());
        return mapProperty(node, items, description, title, xml, example, readOnly);
      } else {
        JsonNode allOfNode = node.get("allOf");
        detailNode = node.get("properties");
        String detailNodeType = null;
        Map<String, Property> properties = new LinkedHashMap<>();
        if (detailNode != null) {
          for (Map.Entry<String, JsonNode> field : detailNode.properties()) {
            Property property = propertyFromNode(field.getValue());
            if (property != null) {
              properties.put(field.getKey(), property);
            } else {
              if ("type".equals(field.getKey())
                  && field.getValue() != null
                  && "array".equals(field.getValue().asText())) {
                detailNodeType = "array";
              }
              if (("description").equals(field.getKey())
                  && field.getValue().getNodeType().equals(JsonNodeType.STRING)) {
                description = field.getValue().asText();
              }
            }
          }
        } else if (allOfNode != null) {
          ComposedProperty cp = new ComposedProperty().description(description).title(title);
          cp.setExample(example);
          cp.setDescription(description);
          cp.setVendorExtensions(getVendorExtensions(node));

          List<Property> allOf = new ArrayList<>();
          for (JsonNode innerNode : allOfNode) {
            allOf.add(propertyFromNode(innerNode));
          }
          cp.setAllOf(allOf);
          return cp;
        }

        if ("array".equals(detailNodeType)) {
          ArrayProperty ap = new ArrayProperty().description(description).title(title).xml(xml);
          ap.setExample(example);
          PropertyBuilder.merge(ap, argsFromNode(detailNode));
          ap.setDescription(description);

          if (properties.keySet().size() == 1) {
            String key = properties.keySet().iterator().next();
            ap.setItems(properties.get(key));
          }
          ap.setVendorExtensionMap(getVendorExtensions(node));
          return ap;
        }
        ObjectProperty objectProperty =
            new ObjectProperty(properties).description(description).title(title).xml(xml);
        objectProperty.setReadOnly(readOnly);
        objectProperty.setExample(example);
        objectProperty.setVendorExtensionMap(getVendorExtensions(node));

        List<String> required = getRequired(node);
        objectProperty.setRequiredProperties(required);

        return objectProperty;
      }
    }
    if (ArrayProperty.isType(type)) {
      detailNode = node.get("items");
      if (detailNode != null) {
        Property subProperty = propertyFromNode(detailNode);
        ArrayProperty arrayProperty =
            new ArrayProperty().items(subProperty).description(description).title(title).xml(xml);
        arrayProperty.setReadOnly(readOnly);
        arrayProperty.setMinItems(getInteger(node, PropertyId.MIN_ITEMS));
        arrayProperty.setMaxItems(getInteger(node, PropertyId.MAX_ITEMS));
        arrayProperty.setUniqueItems(getBoolean(node, PropertyId.UNIQUE_ITEMS));
        arrayProperty.setExample(node.get(PropertyId.EXAMPLE.getPropertyName()));
        arrayProperty.setVendorExtensionMap(getVendorExtensions(node));
        return arrayProperty;
      }
    }

    Map<PropertyId, Object> args = argsFromNode(node);
    Property output = PropertyBuilder.build(type, format, args);
    if (output == null) {
      return null;
    }
    output.setXml(xml);
    output.setDescription(description);
    return output;
  }

  private static MapProperty mapProperty(
      JsonNode node,
      Property items,
      String description,
      String title,
      Xml xml,
      JsonNode example,
      Boolean readOnly) {
    MapProperty mapProperty = new MapProperty(items).description(description).title(title).xml(xml);
    mapProperty.setExample(example);
    mapProperty.setMinProperties(getInteger(node, PropertyId.MIN_PROPERTIES));
    mapProperty.setMaxProperties(getInteger(node, PropertyId.MAX_PROPERTIES));
    mapProperty.setVendorExtensionMap(getVendorExtensions(node));
    mapProperty.setReadOnly(readOnly);
    return mapProperty;
  }

  private static Map<PropertyId, Object> argsFromNode(JsonNode node) {
    final Map<PropertyId, Object> args = new EnumMap<>(PropertyId.class);
    args.put(PropertyId.TYPE, getString(node, PropertyId.TYPE));
    args.put(PropertyId.FORMAT, getString(node, PropertyId.FORMAT));
    args.put(PropertyId.DESCRIPTION, getString(node, PropertyId.DESCRIPTION));
    args.put(PropertyId.EXAMPLE, getString(node, PropertyId.EXAMPLE));
    args.put(PropertyId.ENUM, getEnum(node));
    args.put(PropertyId.TITLE, getString(node, PropertyId.TITLE));
    args.put(PropertyId.DEFAULT, getString(node, PropertyId.DEFAULT));
    args.put(PropertyId.PATTERN, getString(node, PropertyId.PATTERN));
    args.put(PropertyId.DESCRIMINATOR, getString(node, PropertyId.DESCRIMINATOR));
    args.put(PropertyId.MIN_ITEMS, getInteger(node, PropertyId.MIN_ITEMS));
    args.put(PropertyId.MAX_ITEMS, getInteger(node, PropertyId.MAX_ITEMS));
    args.put(PropertyId.MIN_PROPERTIES, getInteger(node, PropertyId.MIN_PROPERTIES));
    args.put(PropertyId.MAX_PROPERTIES, getInteger(node, PropertyId.MAX_PROPERTIES));
    args.put(PropertyId.MIN_LENGTH, getInteger(node, PropertyId.MIN_LENGTH));
    args.put(PropertyId.MAX_LENGTH, getInteger(node, PropertyId.MAX_LENGTH));
    args.put(PropertyId.MINIMUM, getBigDecimal(node, PropertyId.MINIMUM));
    args.put(PropertyId.MAXIMUM, getBigDecimal(node, PropertyId.MAXIMUM));
    args.put(PropertyId.MULTIPLE_OF, getBigDecimal(node, PropertyId.MULTIPLE_OF));
    args.put(PropertyId.EXCLUSIVE_MINIMUM, getBoolean(node, PropertyId.EXCLUSIVE_MINIMUM));
    args.put(PropertyId.EXCLUSIVE_MAXIMUM, getBoolean(node, PropertyId.EXCLUSIVE_MAXIMUM));
    args.put(PropertyId.UNIQUE_ITEMS, getBoolean(node, PropertyId.UNIQUE_ITEMS));
    args.put(PropertyId.READ_ONLY, getBoolean(node, PropertyId.READ_ONLY));
    args.put(PropertyId.VENDOR_EXTENSIONS, getVendorExtensions(node));
    return args;
  }

  private static Xml getXml(JsonNode node) {
    Xml xml = null;
    if (node instanceof ObjectNode) {
      ObjectNode obj = (ObjectNode) node.get("xml"); // throws as swagger-core's when not an object
      if (obj != null) {
        xml = new Xml();
        JsonNode n = obj.get("name");
        if (n != null) {
          xml.name(n.asText());
        }
        n = obj.get("namespace");
        if (n != null) {
          xml.namespace(n.asText());
        }
        n = obj.get("prefix");
        if (n != null) {
          xml.prefix(n.asText());
        }
        n = obj.get("attribute");
        if (n != null) {
          xml.attribute(n.asBoolean());
        }
        n = obj.get("wrapped");
        if (n != null) {
          xml.wrapped(n.asBoolean());
        }
      }
    }
    return xml;
  }

  private static String getString(JsonNode node, PropertyId type) {
    JsonNode detailNode = node.get(type.getPropertyName());
    return detailNode == null ? null : detailNode.asText();
  }

  private static Integer getInteger(JsonNode node, PropertyId type) {
    JsonNode detailNode = node.get(type.getPropertyName());
    return detailNode == null ? null : detailNode.intValue();
  }

  /** Throws a {@code NumberFormatException} for anything but a number, as swagger-core's. */
  private static BigDecimal getBigDecimal(JsonNode node, PropertyId type) {
    JsonNode detailNode = node.get(type.getPropertyName());
    return detailNode == null ? null : new BigDecimal(detailNode.toString());
  }

  private static Boolean getBoolean(JsonNode node, PropertyId type) {
    JsonNode detailNode = node.get(type.getPropertyName());
    return detailNode == null ? null : detailNode.booleanValue();
  }

  private static List<String> getEnum(JsonNode node) {
    final List<String> result = new ArrayList<>();
    JsonNode detailNode = node.get(PropertyId.ENUM.getPropertyName());
    if (detailNode != null) {
      ArrayNode an = (ArrayNode) detailNode; // throws as swagger-core's when not an array
      for (JsonNode child : an) {
        if (child instanceof TextNode
            || child instanceof NumericNode
            || child instanceof IntNode
            || child instanceof LongNode
            || child instanceof DoubleNode
            || child instanceof FloatNode) {
          result.add(child.asText());
        }
      }
    }
    return result.isEmpty() ? null : result;
  }

  private static Map<String, Object> getVendorExtensions(JsonNode node) {
    Map<String, Object> result = new HashMap<>();
    Iterator<String> fieldNameIter = node.fieldNames();
    while (fieldNameIter.hasNext()) {
      String fieldName = fieldNameIter.next();
      if (fieldName.startsWith("x-")) {
        result.put(fieldName, node.get(fieldName));
      }
    }
    return result;
  }

  private static List<String> getRequired(JsonNode node) {
    List<String> result = new ArrayList<>();
    JsonNode detailNode = node.get(PropertyId.REQUIRED.getPropertyName());
    if (detailNode == null) {
      return result;
    }
    if (detailNode.isArray()) {
      for (JsonNode item : detailNode) {
        result.add(item.asText());
      }
      return result;
    }
    throw new RuntimeException("Required property should be a list");
  }
}
