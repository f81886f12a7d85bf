namespace CrimeOutcomes.Interactive;

/// <summary>Renders values of one type as HTML and as plain text. Add one to <see cref="Renderers"/> to plug in a new type.</summary>
internal sealed class Renderer
{
    private readonly Func<object, string> _html;
    private readonly Func<object, string> _text;

    private Renderer(Type type, Func<object, string> html, Func<object, string> text)
    {
        Type = type;
        _html = html;
        _text = text;
    }

    /// <summary>The type rendered (values of derived or implementing types are rendered too).</summary>
    public Type Type { get; }

    /// <summary>A renderer for <typeparamref name="T"/>; a value type is rendered from its boxed value.</summary>
    public static Renderer For<T>(Func<T, string> html, Func<T, string> text)
        => new(typeof(T), value => html((T)value), value => text((T)value));

    public string Html(object value) => _html(value);

    public string Text(object value) => _text(value);
}
