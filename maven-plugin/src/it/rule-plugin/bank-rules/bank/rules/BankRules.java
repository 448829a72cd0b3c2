package bank.rules;

import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleProvider;
import java.util.List;

public final class BankRules implements RuleProvider {
  @Override
  public List<Class<? extends Rule>> rules() {
    return List.of(OperationTags.class);
  }
}
