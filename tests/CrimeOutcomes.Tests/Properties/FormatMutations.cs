using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>
/// Format-aware mutations for <see cref="MutationFuzzer"/>'s structural step. Byte-level mutations of csv or XML
/// mostly break the syntax, so the reader refuses the input early; these keep it well formed and change what the
/// reader's later checks see: a csv field, a whole line; an XML element (removed, duplicated, moved) or an
/// attribute or text value.
/// </summary>
internal static class FormatMutations
{
    /// <summary>Values for csv fields, XML attributes and texts that probe the readers' checks and limits.</summary>
    private static readonly string[] Values =
    [
        string.Empty, " ", "0", "-1", "1", "4", "16", "1A", "99", "2020/21", "Q5", "2147483647", "2147483648", "1048576", "1048577", "16384", "16385",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "NaN", "-0", "12.5", "1,234",
        "XFD1", "A0", "ZZZZZZZ1", "A1048577", "s", "inlineStr", "str", "b", "e", "float", "string", "percentage", "date",
        "West Mercia", "Action Fraud", "Total", "Force Name", "Outcome Type", "Number of Offences", "\"", "a\"b", "x,y", "\n",
        new string('x', 40_000), new string('9', 30),
    ];

    /// <summary>A csv mutation: replace, drop or add a field; duplicate, delete or swap lines.</summary>
    public static byte[] Csv(byte[] input, int random)
    {
        var lines = Encoding.UTF8.GetString(input).Split('\n').ToList();
        var rng = new Random(random);
        var line = rng.Next(lines.Count);
        var fields = lines[line].Split(',').ToList();
        switch (rng.Next(6))
        {
            case 0:
                fields[rng.Next(fields.Count)] = Values[rng.Next(Values.Length)];
                lines[line] = string.Join(',', fields);
                break;
            case 1:
                fields.RemoveAt(rng.Next(fields.Count));
                lines[line] = string.Join(',', fields);
                break;
            case 2:
                fields.Insert(rng.Next(fields.Count + 1), Values[rng.Next(Values.Length)]);
                lines[line] = string.Join(',', fields);
                break;
            case 3:
                lines.Insert(rng.Next(lines.Count + 1), lines[line]);
                break;
            case 4:
                lines.RemoveAt(line);
                break;
            default:
                var other = rng.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>An XML mutation: remove, duplicate or move an element; set an attribute or a text; copy an attribute onto another element.</summary>
    public static byte[] Xml(byte[] input, int random)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(new MemoryStream(input), LoadOptions.PreserveWhitespace);
        }
        catch (Exception error) when (error is XmlException or ArgumentException)
        {
            // XmlReader throws ArgumentOutOfRangeException on some declarations (dotnet/runtime#113061): this
            // mutator met one; the ods reader now decodes the text itself, and a regression test covers it.
            return input;
        }

        var elements = document.Descendants().Skip(1).ToList();
        if (elements.Count == 0)
        {
            return input;
        }

        var rng = new Random(random);
        var element = elements[rng.Next(elements.Count)];
        var attributes = document.Descendants().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToList();
        switch (rng.Next(6))
        {
            case 0:
                element.Remove();
                break;
            case 1:
                element.AddAfterSelf(new XElement(element));
                break;
            case 2:
                var sibling = elements[rng.Next(elements.Count)];
                if (!sibling.AncestorsAndSelf().Contains(element) && !element.AncestorsAndSelf().Contains(sibling))
                {
                    element.Remove();
                    sibling.AddAfterSelf(element);
                }

                break;
            case 3 when attributes.Count > 0:
                attributes[rng.Next(attributes.Count)].Value = Values[rng.Next(Values.Length)];
                break;
            case 4 when !element.HasElements:
                element.Value = Values[rng.Next(Values.Length)];
                break;
            case 5 when attributes.Count > 0:
                var attribute = attributes[rng.Next(attributes.Count)];
                element.SetAttributeValue(attribute.Name, rng.Next(2) == 0 ? attribute.Value : Values[rng.Next(Values.Length)]);
                break;
        }

        var output = new MemoryStream();
        try
        {
            using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false });
            document.Save(writer);
        }
        catch (ArgumentException)
        {
            // A value the writer refuses (xml:space="x"): keep the input.
            return input;
        }

        return output.ToArray();
    }
}
