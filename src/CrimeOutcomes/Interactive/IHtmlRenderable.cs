namespace CrimeOutcomes.Interactive;

/// <summary>
/// A result that can show itself in a notebook: as self-contained HTML (tables, inline SVG charts; no script, no
/// external resource, readable in light and dark themes) and as plain text. The CrimeOutcomes notebook extension
/// registers a formatter for every implementation, so new renderable types need no registration of their own.
/// </summary>
public interface IHtmlRenderable
{
    /// <summary>Self-contained HTML: every value escaped, charts as inline SVG that is also well-formed XML.</summary>
    string ToHtml();

    /// <summary>The same content as plain text, for consoles and text-only front ends.</summary>
    string ToPlainText();
}
