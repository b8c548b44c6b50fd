using Konifer.Rules;

namespace Konifer.Tests.Rules;

public sealed class RuleDefinitionTests
{
    [Fact]
    public void Names_are_lower_cased_and_prompts_normalized_with_duplicates_collapsed_in_first_order()
    {
        var definition = RuleDefinition.Create(" Blood ", ["  Open WOUND ", "graphic blood", "this is a photo of open wound"], 0.72);

        Assert.Equal("blood", definition.Name);
        Assert.Equal(["this is a photo of open wound", "this is a photo of graphic blood"], definition.Prompts);
        Assert.Equal(0.72, definition.Threshold);
    }

    [Theory]
    [InlineData(null, "Rule name cannot be blank")]
    [InlineData("  ", "Rule name cannot be blank")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "Rule name cannot be longer than 32 characters")]
    public void Invalid_names_are_refused_with_the_reference_s_message(string? name, string message)
    {
        var error = Assert.Throws<InvalidRuleDefinitionException>(() => RuleDefinition.Create(name, ["a"], 0.5));

        Assert.Equal(message, error.Message);
        Assert.Equal("", error.Setting);
    }

    [Fact]
    public void A_name_of_32_characters_is_fine()
    {
        Assert.Equal(32, RuleDefinition.Create(new string('a', 32), ["a"], 0.5).Name.Length);
    }

    [Fact]
    public void Prompts_must_be_there_non_blank_and_not_too_long()
    {
        Assert.Equal("prompts", Assert.Throws<InvalidRuleDefinitionException>(() => RuleDefinition.Create("r", [], 0.5)).Setting);
        Assert.Equal("Prompt must not be empty.", Assert.Throws<InvalidRuleDefinitionException>(() => RuleDefinition.Create("r", ["a", " "], 0.5)).Message);
        Assert.Equal("prompts", Assert.Throws<InvalidRuleDefinitionException>(() => RuleDefinition.Create("r", [new string('a', 257)], 0.5)).Setting);
        Assert.Equal("prompts", Assert.Throws<InvalidRuleDefinitionException>(() => RuleDefinition.Create("r", Enumerable.Range(0, 101).Select(i => $"p{i}").ToArray(), 0.5)).Setting);
        Assert.Equal(100, RuleDefinition.Create("r", Enumerable.Range(0, 100).Select(i => $"p{i}").ToArray(), 0.5).Prompts.Count);
        Assert.Single(RuleDefinition.Create("r", [new string('a', 256)], 0.5).Prompts);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Thresholds_outside_0_to_1_are_refused(double threshold)
    {
        var error = Assert.Throws<InvalidRuleDefinitionException>(() => RuleDefinition.Create("r", ["a"], threshold));

        Assert.Equal("Rule threshold must be between 0.0 and 1.0", error.Message);
        Assert.Equal("threshold", error.Setting);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void The_bounds_are_allowed(double threshold)
    {
        Assert.Equal(threshold, RuleDefinition.Create("r", ["a"], threshold).Threshold);
    }
}
