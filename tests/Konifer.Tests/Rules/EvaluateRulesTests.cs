using Konifer.Rules;

namespace Konifer.Tests.Rules;

public sealed class EvaluateRulesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Results_come_in_request_order_with_prompt_scores_in_definition_order_without_the_template()
    {
        using var rules = new RulesHarness();
        var evaluate = new EvaluateRules(rules.Evaluator);

        var results = await evaluate.ExecuteAsync([
            new("Dogs", ["DOG"], 0.7),
            new("logo", ["  blood", "this is a photo of cat", "cat"], 0.7),
        ], "img", None);

        Assert.Equal(["dogs", "logo"], results.Select(r => r.Name));
        Assert.False(results[0].Matched);
        Assert.Equal(0.7, results[0].Threshold);
        Assert.Equal(["blood", "cat"], results[1].PromptScores.Select(p => p.Prompt));
        Assert.True(results[1].Matched);
        Assert.Equal(1.0, results[1].Score, 1e-9);
        Assert.Equal(5.2015465301241655e-08, results[1].PromptScores[0].Score, 1e-12);
        Assert.Equal(1, rules.Image.Calls);
    }

    [Fact]
    public async Task The_score_is_the_best_prompt_and_matched_compares_it_with_the_threshold_inclusively()
    {
        using var rules = new RulesHarness();

        var results = await new EvaluateRules(rules.Evaluator).ExecuteAsync([new("r", ["dog", "cat"], 1.0)], "img", None);

        Assert.Equal(1.0, results[0].Score);
        Assert.True(results[0].Matched);
    }

    [Fact]
    public void Request_checks_give_the_reference_s_messages()
    {
        Assert.Equal("At least one rule request is required", Assert.Throws<InvalidRuleDefinitionException>(() => EvaluateRules.Validate([])).Message);
        Assert.Equal("Maximum of 10 rule definitions allowed per request", Assert.Throws<InvalidRuleDefinitionException>(
            () => EvaluateRules.Validate(Enumerable.Range(0, 11).Select(i => new RuleDefinitionRequest($"r{i}", ["a"], 0.5)).ToArray())).Message);
        Assert.Equal("Duplicate rule definition name: logo", Assert.Throws<InvalidRuleDefinitionException>(
            () => EvaluateRules.Validate([new("logo", ["a"], 0.5), new("LOGO ", ["b"], 0.5)])).Message);
        Assert.Equal("Rule threshold must be between 0.0 and 1.0", Assert.Throws<InvalidRuleDefinitionException>(
            () => EvaluateRules.Validate([new("logo", ["a"], 1.5)])).Message);
        Assert.Equal(10, EvaluateRules.Validate(Enumerable.Range(0, 10).Select(i => new RuleDefinitionRequest($"r{i}", ["a"], 0.5)).ToArray()).Count);
    }

    [Fact]
    public async Task An_invalid_request_runs_no_model()
    {
        using var rules = new RulesHarness();

        await Assert.ThrowsAsync<InvalidRuleDefinitionException>(() => new EvaluateRules(rules.Evaluator).ExecuteAsync([new("", ["cat"], 0.5)], "img", None));

        Assert.Equal(0, rules.Image.Calls);
        Assert.Equal(0, rules.Text.Calls);
    }
}
