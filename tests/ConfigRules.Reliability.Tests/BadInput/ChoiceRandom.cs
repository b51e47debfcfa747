using CsCheck;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>
/// A <see cref="Random"/> that replays a list of choices drawn by CsCheck, then answers the smallest value once the
/// list runs out. The mutators stay written against <see cref="Random"/>, but the input is now the choice list, so
/// CsCheck shrinks a failure to fewer and smaller choices: the first rule, fewer mutations, simpler values.
/// </summary>
public sealed class ChoiceRandom(IReadOnlyList<int> choices) : Random
{
    private int _next;

    /// <summary>Choice lists of up to 64 entries, each shrinking towards 0 (the first option of every draw).</summary>
    public static Gen<ChoiceRandom> Gen { get; } = CsCheck.Gen.Int[0, int.MaxValue].Array[0, 64].Select(drawn => new ChoiceRandom(drawn));

    public override int Next() => Draw();

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : Draw() % maxValue;
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue == maxValue ? minValue : minValue + (int)(Draw() % ((long)maxValue - minValue));
    }

    public override long NextInt64() => Draw();

    public override long NextInt64(long maxValue) => maxValue == 0 ? 0 : Draw() % maxValue;

    public override long NextInt64(long minValue, long maxValue) => minValue == maxValue ? minValue : minValue + Draw() % (maxValue - minValue);

    public override double NextDouble() => Draw() / (double)int.MaxValue;

    public override float NextSingle() => (float)NextDouble();

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++) buffer[i] = (byte)Draw();
    }

    protected override double Sample() => NextDouble();

    public override string ToString() => $"choices [{string.Join(", ", choices)}]";

    private int Draw() => _next < choices.Count ? choices[_next++] : 0;
}
