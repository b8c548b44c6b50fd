using Microsoft.ML.Tokenizers;

namespace Konifer.Inference;

/// <summary>
/// SigLIP2's text input: the Gemma SentencePiece model, lower-cased text, no BOS and one EOS (as Hugging Face's
/// SigLIP2 tokenizer is configured), truncated and right-padded with the pad id to exactly
/// <see cref="SequenceLength"/> tokens, since the text tower was trained on that fixed length.
/// </summary>
public sealed class Siglip2Tokenizer
{
    public const int SequenceLength = 64;

    private readonly SentencePieceTokenizer _tokenizer;
    private readonly bool _addBeginningOfSentence;
    private readonly bool _addEndOfSentence;

    public Siglip2Tokenizer(Stream sentencePieceModel, bool addBeginningOfSentence = false, bool addEndOfSentence = true)
    {
        _tokenizer = SentencePieceTokenizer.Create(sentencePieceModel, addBeginningOfSentence: false, addEndOfSentence: false);
        _addBeginningOfSentence = addBeginningOfSentence;
        _addEndOfSentence = addEndOfSentence;
        PadId = _tokenizer.Vocabulary.TryGetValue("<pad>", out var pad) ? pad : 0;
    }

    public static Siglip2Tokenizer FromFile(string tokenizerModel)
    {
        using var stream = File.OpenRead(tokenizerModel);
        return new Siglip2Tokenizer(stream);
    }

    public int PadId { get; }
    public int BeginningOfSentenceId => _tokenizer.BeginningOfSentenceId;
    public int EndOfSentenceId => _tokenizer.EndOfSentenceId;

    /// <summary>The <see cref="SequenceLength"/> token ids of <paramref name="text"/>; the special tokens survive truncation.</summary>
    public long[] Encode(string text)
    {
        var pieces = _tokenizer.EncodeToIds(text.ToLowerInvariant(), addBeginningOfSentence: false, addEndOfSentence: false);
        var ids = new long[SequenceLength];
        Array.Fill(ids, PadId);
        var room = SequenceLength - (_addBeginningOfSentence ? 1 : 0) - (_addEndOfSentence ? 1 : 0);
        var at = 0;
        if (_addBeginningOfSentence) ids[at++] = BeginningOfSentenceId;
        foreach (var id in pieces.Take(room)) ids[at++] = id;
        if (_addEndOfSentence) ids[at++] = EndOfSentenceId;
        return ids;
    }
}
