using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The lines with their punctuation in full width (<see cref="ChineseText.FullWidthPunctuation"/>), and the way back
/// to the text as published (its punctuation, its 繁體 characters) for a piece of any of them: the normalisation keeps every character's position, and every
/// later stage (chrome stripped, running text split) keeps a line's number and takes pieces of its text.
/// </summary>
internal sealed class AsPublished
{
    private readonly Dictionary<int, List<(string Normalised, string Original)>>? _byLine;

    private AsPublished(List<SourceLine> normalised, Dictionary<int, List<(string, string)>>? byLine)
    {
        Normalised = normalised;
        _byLine = byLine;
    }

    public List<SourceLine> Normalised { get; }

    public static AsPublished Of(IReadOnlyList<SourceLine> lines)
    {
        var normalised = new List<SourceLine>(lines.Count);
        Dictionary<int, List<(string, string)>>? byLine = null;
        foreach (var line in lines)
        {
            var text = ChineseText.FullWidthPunctuation(line.Text);
            normalised.Add(line with { Text = text });
            // A line auto-converted to 繁體 is kept too: the agency is read in Simplified characters and given back as printed.
            if (!ReferenceEquals(text, line.Text) || ChineseText.CountTraditional(line.Text) > 0)
            {
                byLine ??= [];
                if (!byLine.TryGetValue(line.Line, out var same))
                {
                    byLine[line.Line] = same = [];
                }

                same.Add((text, line.Text));
            }
        }

        return new AsPublished(normalised, byLine);
    }

    /// <summary>A piece of text read from any of the lines, as published (unchanged when none of them holds it).</summary>
    public string Restore(string piece)
    {
        if (_byLine is null || piece.Length == 0)
        {
            return piece;
        }

        foreach (var candidates in _byLine.Values)
        {
            if (Original(piece, candidates) is var original && !ReferenceEquals(original, piece))
            {
                return original;
            }
        }

        return piece;
    }

    public List<SourceLine> Restore(List<SourceLine> region)
    {
        if (_byLine is null)
        {
            return region;
        }

        return region.Select(l => _byLine.TryGetValue(l.Line, out var candidates) ? l with { Text = Original(l.Text, candidates) } : l).ToList();
    }

    private static string Original(string piece, List<(string Normalised, string Original)> candidates)
    {
        foreach (var (normalised, original) in candidates)
        {
            var at = normalised.IndexOf(piece, StringComparison.Ordinal);
            if (at >= 0)
            {
                return original.Substring(at, piece.Length);
            }
        }

        // Read through the Traditional → Simplified fold (which keeps every position): 义烏市廿三里街道办事处 is
        // 義烏市廿三里街道辦事處 on the page.
        var folded = ChineseText.Fold(piece);
        foreach (var (normalised, original) in candidates)
        {
            var at = ChineseText.Fold(normalised).IndexOf(folded, StringComparison.Ordinal);
            if (at >= 0)
            {
                return original.Substring(at, piece.Length);
            }
        }

        // A piece put together from cells a converter cut apart at each change of font ("3 项（41 笔）" read as "3项（41笔）"):
        // found with the white space of the line left out, and given back so.
        if (!piece.Any(char.IsWhiteSpace))
        {
            foreach (var (normalised, original) in candidates)
            {
                var kept = Enumerable.Range(0, normalised.Length).Where(i => !char.IsWhiteSpace(normalised[i])).ToArray();
                var at = string.Concat(kept.Select(i => normalised[i])).IndexOf(piece, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return string.Concat(kept.Skip(at).Take(piece.Length).Select(i => original[i]));
                }
            }
        }

        return piece;
    }
}
