using Konifer.Inference;

namespace Konifer.Tests.Inference;

[Collection(Siglip2Collection.Name)]
public sealed class Siglip2TokenizerTests(TinySiglip2 model)
{
    private readonly Siglip2Tokenizer _tokenizer = Siglip2Tokenizer.FromFile(new Siglip2ModelFiles(model.Directory).Tokenizer);

    [Theory]
    [InlineData("this is a photo of a cat")]
    [InlineData("this is a photo of a red car")]
    [InlineData("zebra")]
    [InlineData("2 cafés ☃ at 10:45")]  // digits split, the snowman as UTF-8 byte pieces, as in Gemma's model
    public void A_prompt_is_SentencePieces_ids_then_EOS_then_padding_to_64(string prompt)
    {
        var ids = _tokenizer.Encode(prompt);

        var pieces = model.Prompts[prompt];
        long[] expected = [.. pieces.Select(i => (long)i), model.Eos, .. Enumerable.Repeat((long)model.Pad, 64 - pieces.Length - 1)];
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Upper_case_is_lowered_first()
    {
        Assert.Equal(_tokenizer.Encode("this is a photo of a cat"), _tokenizer.Encode("This Is A PHOTO of a Cat"));
    }

    [Fact]
    public void The_pad_and_special_ids_are_the_models()
    {
        Assert.Equal(model.Pad, _tokenizer.PadId);
        Assert.Equal(model.Eos, _tokenizer.EndOfSentenceId);
        Assert.Equal(model.Bos, _tokenizer.BeginningOfSentenceId);
        Assert.DoesNotContain((long)model.Bos, _tokenizer.Encode("this is a photo of a cat"));
    }

    [Fact]
    public void A_long_prompt_is_truncated_to_64_tokens_keeping_the_EOS()
    {
        var ids = _tokenizer.Encode(string.Join(' ', Enumerable.Repeat("this is a photo of a cat", 20)));

        Assert.Equal(Siglip2Tokenizer.SequenceLength, ids.Length);
        Assert.Equal(model.Eos, ids[^1]);
        Assert.DoesNotContain((long)model.Pad, ids);
        Assert.Equal(model.Prompts["this is a photo of a cat"].Select(i => (long)i), ids.Take(model.Prompts["this is a photo of a cat"].Length));
    }
}
