package io.github.threatlint.rules;

import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in rules: an explicit list, so what ships is what is written here. Adding a rule
 * touches its class, its fixtures, its documentation and this list.
 */
public final class BuiltInRules {
  private static final List<Class<? extends Rule>> RULES =
      List.of(
          io.github.threatlint.rules.auth.AdminSecurityNotDistinct.class,
          io.github.threatlint.rules.auth.ApiKeyInUrl.class,
          io.github.threatlint.rules.data.ArrayMaxItems.class,
          io.github.threatlint.rules.auth.AuthorizationHeaderParameter.class,
          io.github.threatlint.rules.data.CacheControlMissing.class,
          io.github.threatlint.rules.transport.CallbackInsecure.class,
          io.github.threatlint.rules.auth.ClientCredentialsOnUserData.class,
          io.github.threatlint.rules.doc.ComponentUnused.class,
          io.github.threatlint.rules.auth.ConsentLifecycleIncomplete.class,
          io.github.threatlint.rules.auth.ConsentReferenceMissing.class,
          io.github.threatlint.rules.data.ContentTypeWildcard.class,
          io.github.threatlint.rules.auth.CookieAuth.class,
          io.github.threatlint.rules.ops.CorrelationIdMissing.class,
          io.github.threatlint.rules.data.CorsOriginUndeclared.class,
          io.github.threatlint.rules.auth.CredentialsInUrl.class,
          io.github.threatlint.rules.data.DataClassificationMissing.class,
          io.github.threatlint.rules.data.DataResidencyUndeclared.class,
          io.github.threatlint.rules.ops.DeprecatedWithoutSunset.class,
          io.github.threatlint.rules.data.DescriptionUnsafeMarkdown.class,
          io.github.threatlint.rules.ops.ErrorResponseUnstructured.class,
          io.github.threatlint.rules.auth.HttpBasicAuth.class,
          io.github.threatlint.rules.auth.HttpInsecureScheme.class,
          io.github.threatlint.rules.ops.IdempotencyKeyMissing.class,
          io.github.threatlint.rules.doc.InfoContactMissing.class,
          io.github.threatlint.rules.ops.InfoVersionNotSemver.class,
          io.github.threatlint.rules.ops.InternalEndpointExposed.class,
          io.github.threatlint.rules.auth.NonOauth2Scopes.class,
          io.github.threatlint.rules.data.NumericBounds.class,
          io.github.threatlint.rules.data.NumericFormat.class,
          io.github.threatlint.rules.data.NumericIdParameter.class,
          io.github.threatlint.rules.auth.Oauth2ImplicitFlow.class,
          io.github.threatlint.rules.auth.Oauth2PasswordFlow.class,
          io.github.threatlint.rules.auth.Oauth2RefreshUrlMissing.class,
          io.github.threatlint.rules.auth.Oauth2ScopeCoarse.class,
          io.github.threatlint.rules.auth.Oauth2ScopeNaming.class,
          io.github.threatlint.rules.auth.Oauth2ScopeOverbroad.class,
          io.github.threatlint.rules.auth.Oauth2ScopeUndefined.class,
          io.github.threatlint.rules.auth.Oauth2ScopesMissing.class,
          io.github.threatlint.rules.auth.Oauth2UrlInvalid.class,
          io.github.threatlint.rules.auth.Oauth2WriteScopeMissing.class,
          io.github.threatlint.rules.doc.OpenapiVersionOutdated.class,
          io.github.threatlint.rules.doc.OperationDescriptionMissing.class,
          io.github.threatlint.rules.doc.OperationIdInvalid.class,
          io.github.threatlint.rules.auth.OperationSecurityMissing.class,
          io.github.threatlint.rules.ops.PaginationUnbounded.class,
          io.github.threatlint.rules.doc.ParameterDescriptionMissing.class,
          io.github.threatlint.rules.data.PasswordFieldUnprotected.class,
          io.github.threatlint.rules.ops.PathUnversioned.class,
          io.github.threatlint.rules.data.PatternUnanchored.class,
          io.github.threatlint.rules.transport.PaymentSignatureOptional.class,
          io.github.threatlint.rules.data.PiiInUrl.class,
          io.github.threatlint.rules.ops.RateLimitHeadersMissing.class,
          io.github.threatlint.rules.data.ReadWriteOnlyConflict.class,
          io.github.threatlint.rules.transport.RefRemote.class,
          io.github.threatlint.rules.doc.RefUnresolved.class,
          io.github.threatlint.rules.data.RequestBodyOnGet.class,
          io.github.threatlint.rules.data.RequestSchemaMissing.class,
          io.github.threatlint.rules.data.RequestServerManagedField.class,
          io.github.threatlint.rules.ops.Response400Missing.class,
          io.github.threatlint.rules.auth.Response401Missing.class,
          io.github.threatlint.rules.auth.Response403Missing.class,
          io.github.threatlint.rules.ops.Response404Missing.class,
          io.github.threatlint.rules.ops.Response429Missing.class,
          io.github.threatlint.rules.ops.Response500Missing.class,
          io.github.threatlint.rules.data.ResponseSchemaOverbroad.class,
          io.github.threatlint.rules.ops.RetryAfterMissing.class,
          io.github.threatlint.rules.data.SchemaAdditionalProperties.class,
          io.github.threatlint.rules.data.SchemaUntyped.class,
          io.github.threatlint.rules.auth.SecurityDescriptionMissing.class,
          io.github.threatlint.rules.auth.SecuritySchemeMalformed.class,
          io.github.threatlint.rules.auth.SecuritySchemeNotAllowed.class,
          io.github.threatlint.rules.auth.SecuritySchemeUndefined.class,
          io.github.threatlint.rules.auth.SecuritySchemeUnused.class,
          io.github.threatlint.rules.auth.SecuritySchemesMissing.class,
          io.github.threatlint.rules.data.SensitiveFieldInResponse.class,
          io.github.threatlint.rules.transport.ServerAudienceUndeclared.class,
          io.github.threatlint.rules.transport.ServerEnvironmentUndeclared.class,
          io.github.threatlint.rules.transport.ServerNonProduction.class,
          io.github.threatlint.rules.transport.ServerUrlInvalid.class,
          io.github.threatlint.rules.doc.SpecInvalid.class,
          io.github.threatlint.rules.data.StringMaxLength.class,
          io.github.threatlint.rules.data.StringPatternMissing.class,
          io.github.threatlint.rules.auth.TokenPracticesUndocumented.class,
          io.github.threatlint.rules.auth.TppSenderConstraintMissing.class,
          io.github.threatlint.rules.transport.TransportNotHttps.class,
          io.github.threatlint.rules.data.UploadContentTypeUnrestricted.class,
          io.github.threatlint.rules.data.UploadUnbounded.class,
          io.github.threatlint.rules.data.UrlInputUnrestricted.class,
          io.github.threatlint.rules.auth.WwwAuthenticateMissing.class);

  private BuiltInRules() {}

  /**
   * The descriptors, made on first use and not with the list: the build reads the list to write the
   * index ({@link RuleIndex#main}) that they are made from.
   */
  private static final class Described {
    static final List<RuleDescriptor> DESCRIPTORS = describe();
  }

  /** Every built-in rule, sorted by id. */
  public static List<RuleDescriptor> all() {
    return Described.DESCRIPTORS;
  }

  /** The rule with this id, or null. */
  public static RuleDescriptor byId(String id) {
    for (RuleDescriptor descriptor : all()) {
      if (descriptor.id().equals(id)) {
        return descriptor;
      }
    }
    return null;
  }

  /** The classes of the built-in rules, in the order of this list. */
  static List<Class<? extends Rule>> classes() {
    return RULES;
  }

  private static List<RuleDescriptor> describe() {
    // from the index the build made of the rules' annotations, else from the annotations
    List<RuleDescriptor> indexed = RuleIndex.read(RULES);
    List<RuleDescriptor> descriptors = new ArrayList<>();
    if (indexed != null) {
      descriptors.addAll(indexed);
    } else {
      for (Class<? extends Rule> type : RULES) {
        descriptors.add(new RuleDescriptor(type));
      }
    }
    // not Comparator.comparing: its serializable lambda is not in the class-data archive
    descriptors.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(descriptors);
  }
}
