namespace Konifer.Bench.Inference;

/// <summary>
/// The server's konifer.conf additions: the model directory, three rule definitions (five prompts) and a path with
/// one reject rule and two modify rules, so every upload under <c>/ruled</c> needs one image embedding and three
/// scores; <c>/plain</c> has no rules. With random weights scores are near 0, so uploads are accepted unlabelled:
/// the decision costs the same either way.
/// </summary>
public static class RulesConfig
{
    public const string RuledRoot = "/ruled";
    public const string PlainRoot = "/plain";

    public static string For(string modelDirectory) => $$"""
        rules.model-dir = "{{modelDirectory}}"
        rule-definitions {
          gore { prompts = ["graphic visible blood", "open wound with blood"], threshold = 0.9 }
          product { prompts = ["a product photo on a white background"], threshold = 0.5 }
          person { prompts = ["a profile photo of a person", "a group of people"], threshold = 0.5 }
        }
        paths {
          "{{RuledRoot}}/**" {
            upload-ruleset {
              reject-rules = [ { rule = gore, violation-response = "Upload rejected by content policy" } ]
              modify-rules = [ { rule = product, labels { content-type = product-photo } }, { rule = person, labels { subject = person } } ]
            }
          }
        }
        """;
}
