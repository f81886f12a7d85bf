using System.Globalization;
using System.Text;

namespace CrimeOutcomes.Columnar;

/// <summary>Writes <see cref="ColumnBatch"/>es as csv: a header of the column names, RFC 4180 quoting, null as an empty cell.</summary>
internal static class CsvTable
{
    public sealed class Writer : IBatchWriter
    {
        private readonly StreamWriter _writer;

        public Writer(TableSchema schema, string path)
        {
            _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
            _writer.WriteLine(string.Join(',', schema.Columns.Select(c => c.Name)));
        }

        public void Write(ColumnBatch batch)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                for (var c = 0; c < batch.Columns.Length; c++)
                {
                    if (c > 0)
                    {
                        _writer.Write(',');
                    }

                    switch (batch.Columns[c])
                    {
                        case TextColumn text when text[i] is { } value:
                            WriteText(value);
                            break;
                        case long?[] longs when longs[i] is { } value:
                            _writer.Write(value.ToString(CultureInfo.InvariantCulture));
                            break;
                        case int?[] ints when ints[i] is { } value:
                            _writer.Write(value.ToString(CultureInfo.InvariantCulture));
                            break;
                        case bool[] flags:
                            _writer.Write(flags[i] ? "true" : "false");
                            break;
                    }
                }

                _writer.WriteLine();
            }
        }

        public void Dispose() => _writer.Dispose();

        private void WriteText(string value)
        {
            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                _writer.Write(value);
                return;
            }

            _writer.Write('"');
            _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            _writer.Write('"');
        }
    }
}
