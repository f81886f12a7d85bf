using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>
/// A JSON-aware mutation for <see cref="MutationFuzzer"/>: parses the input, picks one value, and removes it,
/// nulls it, changes its type, duplicates it, swaps in another value of the document, or replaces it with an
/// extreme or a known reference, then writes the document back. Inputs that do not parse are returned unchanged.
/// </summary>
internal static class JsonStructuralMutation
{
    private static readonly JsonNode?[] Replacements =
    [
        JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue), JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(int.MaxValue),
        JsonValue.Create(1.5), JsonValue.Create(true), JsonValue.Create(string.Empty), JsonValue.Create(" "), JsonValue.Create("E23000016"),
        JsonValue.Create("British Transport Police"), JsonValue.Create("group:36 responding forces"), JsonValue.Create("englandAndWales:England and Wales"),
        JsonValue.Create("2016/17 Q4"), JsonValue.Create("year ending March 2017"), JsonValue.Create("1A"), JsonValue.Create("group"),
        JsonValue.Create("financialQuarter"), JsonValue.Create("assignedOutcomes"), JsonValue.Create("\ud800"), new JsonArray(), new JsonObject(),
    ];

    public static byte[] Apply(byte[] input, int choice)
    {
        try
        {
            return Mutate(input, choice);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON this mutation can work on (invalid UTF-8 shows only when a string is read): leave it to the byte mutations.
            return input;
        }
    }

    private static byte[] Mutate(byte[] input, int choice)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(input, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return input;
        }
        catch (InvalidOperationException)
        {
            return input;
        }

        if (root is null)
        {
            return input;
        }

        var nodes = new List<(JsonNode Node, JsonNode? Parent, string? Name, int Index)>();
        Collect(root, null, null, -1, nodes);
        var (node, parent, name, index) = nodes[choice % nodes.Count];
        var other = nodes[(choice / 7) % nodes.Count].Node;
        var replacement = Replacements[(choice / 13) % Replacements.Length];
        switch ((choice / nodes.Count) % 7)
        {
            case 0 when parent is JsonObject o:
                o.Remove(name!);
                break;
            case 0 when parent is JsonArray a:
                a.RemoveAt(index);
                break;
            case 1:
                Set(parent, name, index, null, ref root);
                break;
            case 2:
                Set(parent, name, index, replacement?.DeepClone(), ref root);
                break;
            case 3 when parent is JsonArray a:
                a.Insert(index, node.DeepClone());
                break;
            case 3 when node is JsonObject o:
                o["unknown" + (choice % 3)] = replacement?.DeepClone();
                break;
            case 4 when !ReferenceEquals(other, root) && !Contains(node, other):
                Set(parent, name, index, other.DeepClone(), ref root);
                break;
            case 5 when node is JsonArray a && a.Count > 0:
                for (var i = 0; i < 1 + (choice % 50); i++)
                {
                    a.Add(a[i % a.Count]?.DeepClone());
                }

                break;
            default:
                Set(parent, name, index, JsonValue.Create(node.ToJsonString()), ref root);
                break;
        }

        return root is null ? "null"u8.ToArray() : Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode node, JsonNode? parent, string? name, int index, List<(JsonNode, JsonNode?, string?, int)> nodes)
    {
        nodes.Add((node, parent, name, index));
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToArray())
                {
                    if (child is not null)
                    {
                        Collect(child, o, key, -1, nodes);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child)
                    {
                        Collect(child, a, null, i, nodes);
                    }
                }

                break;
        }
    }

    private static bool Contains(JsonNode container, JsonNode node)
    {
        for (var n = node; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, container))
            {
                return true;
            }
        }

        return false;
    }

    private static void Set(JsonNode? parent, string? name, int index, JsonNode? value, ref JsonNode? root)
    {
        switch (parent)
        {
            case JsonObject o:
                o[name!] = value;
                break;
            case JsonArray a:
                a[index] = value;
                break;
            default:
                root = value;
                break;
        }
    }
}
