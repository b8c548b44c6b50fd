using Konifer.Paths;
using Konifer.Rules;

namespace Konifer.Tests.Rules;

/// <summary>The decision on an upload (SPEC §9.6), with an image of a cat.</summary>
public sealed class UploadScreeningTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();
    private static readonly RuleDefinition[] All = RulesHarness.Concepts.Select(RulesHarness.Rule).ToArray();

    private static UploadRule R(string rule, string? response = null, Dictionary<string, string>? labels = null) =>
        UploadRule.Create(rule, response, labels ?? []);

    private static UploadRuleset Ruleset(UploadDecision decision, UploadRule[]? accept = null, UploadRule[]? reject = null, UploadRule[]? modify = null) =>
        new(decision, accept ?? [], reject ?? [], modify ?? []);

    [Fact]
    public async Task Default_accept_without_rules_accepts_with_the_request_labels_and_runs_no_model()
    {
        using var rules = new RulesHarness();
        var labels = new Dictionary<string, string> { ["a"] = "1" };

        var result = await rules.Screening(All).ScreenAsync(UploadRuleset.AcceptAll, "img", labels, None);

        Assert.Equal(labels, result.Labels);
        Assert.Null(result.ImageEmbedding);
        Assert.Equal(0, rules.Image.Calls);
        Assert.Equal(0, rules.Text.Calls);
    }

    [Fact]
    public async Task Default_reject_without_accept_rules_rejects_every_upload_without_inference()
    {
        using var rules = new RulesHarness();
        var ruleset = Ruleset(UploadDecision.Reject, modify: [R("cat", labels: new() { ["k"] = "v" })]);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => rules.Screening(All).ScreenAsync(ruleset, "img", NoLabels, None));

        Assert.Equal("Asset rejected by upload rules", error.Message);
        Assert.Equal(0, rules.Image.Calls);
        Assert.False(UploadScreening.Evaluates(ruleset));
    }

    [Fact]
    public async Task Default_accept_rejects_when_a_reject_rule_matches_with_its_violation_response()
    {
        using var rules = new RulesHarness("blood");
        var ruleset = Ruleset(UploadDecision.Accept, reject: [R("dog", "No dogs"), R("blood", "Upload rejected by content policy")]);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => rules.Screening(All).ScreenAsync(ruleset, "img", NoLabels, None));

        Assert.Equal("Upload rejected by content policy", error.Message);
    }

    [Fact]
    public async Task Several_matched_reject_rules_join_their_responses_in_configuration_order()
    {
        using var rules = new RulesHarness();
        var catToo = RuleDefinition.Create("pets", ["dog", "cat"], 0.5);
        var ruleset = Ruleset(UploadDecision.Accept, reject: [R("pets", "No pets"), R("dog", "No dogs"), R("cat", "No cats")]);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => rules.Screening([.. All, catToo]).ScreenAsync(ruleset, "img", NoLabels, None));

        Assert.Equal("No pets; No cats", error.Message);
    }

    [Fact]
    public async Task A_matched_reject_rule_without_response_gives_the_default_message()
    {
        using var rules = new RulesHarness();
        var ruleset = Ruleset(UploadDecision.Accept, reject: [R("cat")]);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => rules.Screening(All).ScreenAsync(ruleset, "img", NoLabels, None));

        Assert.Equal("Asset rejected by upload rules", error.Message);
    }

    [Fact]
    public async Task Default_accept_accepts_when_no_reject_rule_matches_and_ignores_accept_rules()
    {
        using var rules = new RulesHarness();
        var ruleset = Ruleset(UploadDecision.Accept, accept: [R("product")], reject: [R("dog", "No dogs")]);

        var labels = (await rules.Screening(All).ScreenAsync(ruleset, "img", NoLabels, None)).Labels;

        Assert.Empty(labels);
        Assert.Equal(["this is a photo of dog"], rules.Text.Embedded); // the accept rule's prompts were not needed
    }

    [Fact]
    public async Task Default_reject_accepts_when_an_accept_rule_matches_and_ignores_reject_rules()
    {
        using var rules = new RulesHarness();
        var ruleset = Ruleset(UploadDecision.Reject, accept: [R("dog"), R("cat")], reject: [R("blood")]);

        await rules.Screening(All).ScreenAsync(ruleset, "img", NoLabels, None);

        Assert.DoesNotContain("this is a photo of blood", rules.Text.Embedded);
    }

    [Fact]
    public async Task Default_reject_rejects_with_the_default_message_when_no_accept_rule_matches()
    {
        using var rules = new RulesHarness();
        var ruleset = Ruleset(UploadDecision.Reject, accept: [R("dog")], reject: [R("cat", "No cats")]);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => rules.Screening(All).ScreenAsync(ruleset, "img", NoLabels, None));

        Assert.Equal("Asset rejected by upload rules", error.Message);
    }

    [Fact]
    public async Task Matched_modify_rules_add_their_labels_in_order_over_the_request_labels()
    {
        using var rules = new RulesHarness();
        var animal = RuleDefinition.Create("animal", ["dog", "cat"], 0.5);
        var ruleset = Ruleset(UploadDecision.Accept, modify: [
            R("animal", labels: new() { ["kind"] = "animal", ["source"] = "rule" }),
            R("dog", labels: new() { ["dog"] = "yes" }),
            R("cat", labels: new() { ["kind"] = "cat" }),
        ]);
        var request = new Dictionary<string, string> { ["source"] = "client", ["owner"] = "me" };

        var labels = (await rules.Screening([.. All, animal]).ScreenAsync(ruleset, "img", request, None)).Labels;

        Assert.Equal(new Dictionary<string, string> { ["source"] = "rule", ["owner"] = "me", ["kind"] = "cat" }, labels);
    }

    [Fact]
    public async Task Modify_rules_do_not_decide_and_are_not_applied_to_a_rejected_upload()
    {
        using var rules = new RulesHarness();
        var ruleset = Ruleset(UploadDecision.Accept, reject: [R("cat", "No cats")], modify: [R("cat", labels: new() { ["k"] = "v" })]);

        await Assert.ThrowsAsync<UploadRejectedException>(() => rules.Screening(All).ScreenAsync(ruleset, "img", NoLabels, None));
    }

    [Fact]
    public async Task More_than_50_labels_after_the_rules_is_refused()
    {
        using var rules = new RulesHarness();
        var request = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => "v");
        var ruleset = Ruleset(UploadDecision.Accept, modify: [R("cat", labels: new() { ["extra"] = "v" })]);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => rules.Screening(All).ScreenAsync(ruleset, "img", request, None));

        Assert.Equal("Cannot have more than 50 labels", error.Message);
    }

    [Fact]
    public async Task The_image_is_embedded_once_per_upload_whatever_the_number_of_rules()
    {
        using var rules = new RulesHarness();
        var ruleset = Ruleset(UploadDecision.Accept, reject: [R("dog"), R("blood")],
            modify: [R("cat", labels: new() { ["a"] = "1" }), R("product", labels: new() { ["b"] = "2" }), R("dog", labels: new() { ["c"] = "3" })]);

        var result = await rules.Screening(All).ScreenAsync(ruleset, "/spool/upload-1", NoLabels, None);

        Assert.Equal(1, rules.Image.Calls);
        Assert.Equal("/spool/upload-1", rules.Image.LastFile);
        // Handed back so that search keeps it without a second run of the image tower.
        Assert.Equal(await rules.Image.EmbedImageAsync("again", None), result.ImageEmbedding);
    }

    [Fact]
    public async Task Prompt_embeddings_are_computed_once_and_then_read_from_the_store()
    {
        using var rules = new RulesHarness();
        var ruleset = Ruleset(UploadDecision.Accept, reject: [R("dog"), R("blood")]);
        var screening = rules.Screening(All);

        await screening.ScreenAsync(ruleset, "img", NoLabels, None);
        await screening.ScreenAsync(ruleset, "img", NoLabels, None);

        Assert.Equal(1, rules.Text.Calls);
        Assert.Equal(["this is a photo of dog", "this is a photo of blood"], rules.Text.Embedded);
        Assert.Equal(2, (await rules.Store.FindAsync(rules.Text.Model, ["this is a photo of dog", "this is a photo of blood"], None)).Count);
        Assert.Equal(2, rules.Image.Calls);
    }
}
