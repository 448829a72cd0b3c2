package io.github.threatlint.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which names hold a value of a kind, and which only talk about it. */
class FieldNamesTest {
  private static final List<String> SECRETS =
      List.of("password", "pin", "secret", "client_secret", "private_key", "cvc");
  private static final List<String> PERSONAL = List.of("email", "last_name", "address", "iban");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "password, password",
        "clientSecret, secret",
        "new_password, password",
        "passwordConfirmation, password",
        "model[default_password], password",
        "SecretString, secret",
        "PrivateKeyPlaintext, private_key",
        "screenLockPin, pin",
        "passwordHash, -",
        "password_reset_frequency, -",
        "secret_scanning_alerts, -",
        "pinSupport, -",
        "cvc_check, -",
        "hasPassword, -",
        "displayPassword, -",
        "PrivateKeyCiphertextBlob, -",
        "encryptedPassword, -",
        "spinner, -",
      })
  void endingTerm(String name, String term) {
    assertThat(FieldNames.endingTerm(name, SECRETS)).isEqualTo(term);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "email, email",
        "customerEmail, email",
        "email_contains, email",
        "lastName, last_name",
        "IBANNumber, iban",
        "emailVerified, -",
        "addressId, -",
        "requireAddress, -",
        "emailing, -",
        "address_line1_check, -",
        "billing_address_collection, -",
        "lastNameMatch, -",
        "addressPrefix, -",
        "EmailVerificationSubject, -",
      })
  void valueTerm(String name, String term) {
    assertThat(FieldNames.valueTerm(name, PERSONAL)).isEqualTo(term);
  }
}
