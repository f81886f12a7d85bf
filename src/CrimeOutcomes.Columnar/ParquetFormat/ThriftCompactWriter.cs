using System.Buffers;
using System.Text;

namespace CrimeOutcomes.Columnar.ParquetFormat;

/// <summary>
/// Writes Thrift structures in the compact protocol, the encoding of Parquet's page headers and file footer: field
/// headers as deltas from the previous field's id, integers as zigzag varints, lists with their element type.
/// Only what Parquet's metadata uses is here (i32, i64, binary, lists, structs).
/// </summary>
internal sealed class ThriftCompactWriter(ArrayBufferWriter<byte> output)
{
    private const byte I32 = 5;
    private const byte I64 = 6;
    private const byte Binary = 8;
    private const byte List = 9;
    private const byte Struct = 12;

    private readonly Stack<short> _enclosing = new();
    private short _lastField;

    public void I32Field(short id, int value)
    {
        FieldHeader(id, I32);
        Varint(ParquetEncodings.ZigZag(value));
    }

    public void I64Field(short id, long value)
    {
        FieldHeader(id, I64);
        Varint(ParquetEncodings.ZigZag(value));
    }

    public void StringField(short id, string value)
    {
        FieldHeader(id, Binary);
        String(value);
    }

    public void BinaryField(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, Binary);
        Varint((uint)value.Length);
        value.CopyTo(output.GetSpan(value.Length));
        output.Advance(value.Length);
    }

    /// <summary>Begins a struct field; its fields follow, then <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short id)
    {
        FieldHeader(id, Struct);
        BeginStruct();
    }

    /// <summary>Begins a struct that is an element of a list (no field header).</summary>
    public void BeginStruct()
    {
        _enclosing.Push(_lastField);
        _lastField = 0;
    }

    /// <summary>Ends the innermost struct with its stop byte.</summary>
    public void EndStruct()
    {
        Byte(0);
        _lastField = _enclosing.Pop();
    }

    /// <summary>Begins a list field of <paramref name="count"/> structs; each is written between <see cref="BeginStruct"/> and <see cref="EndStruct"/>.</summary>
    public void StructListField(short id, int count) => ListHeader(id, Struct, count);

    public void I32ListField(short id, IReadOnlyList<int> values)
    {
        ListHeader(id, I32, values.Count);
        foreach (var value in values)
        {
            Varint(ParquetEncodings.ZigZag(value));
        }
    }

    public void StringListField(short id, IReadOnlyList<string> values)
    {
        ListHeader(id, Binary, values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    /// <summary>Ends a top-level struct (a page header or the footer): its stop byte.</summary>
    public void EndMessage()
    {
        Byte(0);
        _lastField = 0;
    }

    private void ListHeader(short id, byte elementType, int count)
    {
        FieldHeader(id, List);
        if (count < 15)
        {
            Byte((byte)((count << 4) | elementType));
        }
        else
        {
            Byte((byte)(0xF0 | elementType));
            Varint((uint)count);
        }
    }

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastField;
        if (delta is > 0 and <= 15)
        {
            Byte((byte)((delta << 4) | type));
        }
        else
        {
            Byte(type);
            Varint(ParquetEncodings.ZigZag(id));
        }

        _lastField = id;
    }

    private void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Varint((uint)length);
        var span = output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        output.Advance(length);
    }

    private void Byte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private void Varint(ulong value) => ParquetEncodings.WriteVarint(output, value);

}
