using System.Globalization;
using System.Text;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// Writes well-formed HTML and inline SVG: every text and attribute value is escaped, every element is closed,
/// elements without content are self-closed only when they are void in HTML or SVG. The output also parses as XML.
/// </summary>
/// <remarks>Tag and attribute names are constants of this assembly and are checked, never escaped.</remarks>
internal sealed class HtmlBuilder
{
    private static readonly HashSet<string> VoidHtml = new(StringComparer.Ordinal) { "br", "hr", "img", "col", "wbr" };

    private readonly StringBuilder _text = new();
    private readonly Stack<string> _open = new();

    /// <summary>Opens an element; dispose the returned scope (or call <see cref="Close"/>) to close it.</summary>
    public Scope Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        _text.Append('>');
        _open.Push(tag);
        return new Scope(this, _open.Count);
    }

    /// <summary>Closes the innermost open element.</summary>
    public HtmlBuilder Close()
    {
        if (_open.Count == 0)
        {
            throw new InvalidOperationException("No element is open.");
        }

        _text.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>Writes escaped text.</summary>
    public HtmlBuilder Text(string? text)
    {
        Escape(_text, text);
        return this;
    }

    /// <summary>Writes an element holding escaped text.</summary>
    public HtmlBuilder Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        _text.Append('>');
        Escape(_text, text);
        _text.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>
    /// Writes a style element. Its content is raw text in HTML (entities are not decoded there), so it must hold no
    /// character that XML would need escaped: then it reads the same as HTML and as XML.
    /// </summary>
    /// <exception cref="ArgumentException">The style sheet holds &amp;, &lt;, &gt;, or a quote.</exception>
    public HtmlBuilder Style(string css)
    {
        if (css.AsSpan().IndexOfAny("&<>\"'") >= 0)
        {
            throw new ArgumentException("A style sheet must not contain &, <, >, or quotes: they cannot be escaped inside a style element.", nameof(css));
        }

        _text.Append("<style>").Append(css).Append("</style>");
        return this;
    }

    /// <summary>Writes an element without content: self-closed for HTML void elements and SVG shapes.</summary>
    public HtmlBuilder Empty(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        if (VoidHtml.Contains(tag) || IsInSvg)
        {
            _text.Append(" />");
        }
        else
        {
            _text.Append("></").Append(tag).Append('>');
        }

        return this;
    }

    /// <summary>The HTML written.</summary>
    /// <exception cref="InvalidOperationException">An element is still open.</exception>
    public override string ToString() => _open.Count == 0
        ? _text.ToString()
        : throw new InvalidOperationException($"The element <{_open.Peek()}> was not closed.");

    /// <summary>A coordinate or length for SVG: invariant, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for an HTML (and XML) text node or quoted attribute value.</summary>
    public static void Escape(StringBuilder output, string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '"': output.Append("&quot;"); break;
                case '\'': output.Append("&#39;"); break;
                default:
                    // Control characters other than tab, line feed and carriage return are not allowed in XML; drop them.
                    if (c >= ' ' || c is '\t' or '\n' or '\r')
                    {
                        output.Append(c);
                    }

                    break;
            }
        }
    }

    private bool IsInSvg => _open.Contains("svg");

    private void StartTag(string tag, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        CheckName(tag);
        _text.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            CheckName(name);
            if (value is null)
            {
                continue;
            }

            _text.Append(' ').Append(name).Append("=\"");
            Escape(_text, value);
            _text.Append('"');
        }
    }

    private static void CheckName(string name)
    {
        var valid = name.Length > 0 && char.IsAsciiLetter(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':');
        if (!valid)
        {
            throw new ArgumentException($"'{name}' is not a valid element or attribute name.", nameof(name));
        }
    }

    /// <summary>Closes its element when disposed.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly HtmlBuilder _builder;
        private readonly int _depth;

        public Scope(HtmlBuilder builder, int depth)
        {
            _builder = builder;
            _depth = depth;
        }

        public void Dispose()
        {
            if (_builder._open.Count != _depth)
            {
                throw new InvalidOperationException($"Elements were left open inside <{_builder._open.Peek()}>.");
            }

            _builder.Close();
        }
    }
}
