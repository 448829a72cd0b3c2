package io.github.threatlint.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bounds that descriptions state in words, and numbers that state none. */
class StatedBoundsTest {

  @ParameterizedTest(name = "{0}: maximum={1} minimum={2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "If not otherwise agreed bilaterally, the frequency is less equal to 4. ; true ; false",
        "The frequency needs to be less than or equal to 4. ; true ; false",
        "Number of entries, max. 50. ; true ; false",
        "Max: 10,000, 1,000 or less is recommended. ; true ; false",
        "Up to a maximum of 100. ; true ; false",
        "The maximum page size is 1000. ; true ; false",
        "Default is 20 and cannot exceed 500. ; true ; false",
        "Not more than 20. ; true ; false",
        "The matching incidents to return (100 max) ; true ; false",
        "The value must be <= 4. ; true ; false",
        "The limit per day is agreed bilaterally between TPP and ASPSP. ; true ; false",
        "The maximum is defined by the ASPSP. ; true ; false",
        "Must be at least 1. ; false ; true",
        "No less than 5. ; false ; true",
        "The minimum is 1. ; false ; true",
        "A positive integer. ; false ; true",
        "Must be >= -1. ; false ; true",
        "A value between 1 and 31. ; true ; true",
        "Must be an integer from 0 to 50000. ; true ; true",
        "Can be in range 0 to 23. ; true ; true",
        "Valid values are [0-100]. ; true ; true",
        "Allowed range is (0.1 – 0.9). ; true ; true",
        "A value from 1-12 representing the month. ; true ; true",
        "Must be a float value in the range (0, 1]. ; true ; true",
        "Must be an octal value between 0000 and 0777. ; true ; true",
        // one of each way of stating a bound the expressions know, so that the words tested before
        // them (MAXIMUM_WORDS, MINIMUM_WORDS, RANGE_WORDS) cannot leave one out unseen
        "Limited to 25 entries. ; true ; false",
        "Capped at 100. ; true ; false",
        "The count must be \u2264 10. ; true ; false",
        "Must be =< 9. ; true ; false",
        "Must not be bigger than 8. ; true ; false",
        "Must be smaller than 7. ; true ; false",
        "The maximal value is 99. ; true ; false",
        "Must be \u2265 2. ; false ; true",
        "Must be => 3. ; false ; true",
        "Not fewer than 2 items. ; false ; true",
        "The minimal value is 1. ; false ; true",
        "Min 5. ; false ; true",
        "Values 1-12. ; true ; true",
        "Ranges 5 to 10. ; true ; true",
        "Must be from 1 through 9. ; true ; true",
        // the words of a bound without a number, a number that is no bound
        "The maximum number of results to return. ; false ; false",
        "Minimum price of search results (USD). ; false ; false",
        "Fee in percent with up to 4 decimal places, for example 2.5. ; false ; false",
        "Tax Rate (up to 4dp) ; false ; false",
        "As published on 2020-11-06 in version 1.3.8. ; false ; false",
        "Valid until 2020-11-06. ; false ; false",
        "Page 1 equates to the first 1000 points, page 2 equates to 1001-2000 etc. ; false ; false",
        "The default is 1000. ; false ; false",
        "It would make the ActualSkew(3-1) on zone1 violate MaxSkew. ; false ; false",
        "Milliseconds since 1 January 1970. The accepted range is from 1 to now. ; false ; false",
        "The value can be either positive or negative. ; false ; false",
        "<p>10</p> items. ; false ; false",
        "If 'limit' is set greater than 10000, it will be reset to 10000. ; false ; false",
        "(if limit is <= 0 or > 1000, it will be set to the default) ; false ; false",
        "Number of alerts could be less if filtered but at least 1. ; false ; true",
        "The contract size of the instrument. ; false ; false",
        "The amount agreed with the bank. ; false ; false",
      })
  void readsBoundsStatedInWords(String text, boolean maximum, boolean minimum) {
    assertThat(StatedBounds.maximum(text)).as("maximum").matches(q -> (q != null) == maximum);
    assertThat(StatedBounds.minimum(text)).as("minimum").matches(q -> (q != null) == minimum);
  }

  @Test
  void quotesTheSentenceThatStatesTheBoundOrItsWordsWhenTheSentenceIsLong() {
    assertThat(
            StatedBounds.maximum(
                "Requested frequency. If not otherwise agreed bilaterally between TPP and ASPSP,"
                    + "\n  the frequency is less equal to 4. Other text."))
        .isEqualTo(
            "If not otherwise agreed bilaterally between TPP and ASPSP, the frequency is less"
                + " equal to 4");
    assertThat(StatedBounds.maximum("Number of entries, " + "very ".repeat(30) + "long, max. 50."))
        .isEqualTo("max. 50");
    assertThat(StatedBounds.maximum(null)).isNull();
  }
}
