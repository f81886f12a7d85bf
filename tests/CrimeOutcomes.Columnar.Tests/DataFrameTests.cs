using CrimeOutcomes.Tests.Json;

namespace CrimeOutcomes.Columnar.Tests;

public sealed class DataFrameTests
{
    [Fact]
    public void A_dataset_becomes_a_data_frame_a_row_per_figure_with_absent_figures_null()
    {
        var dataset = JsonSamples.Rich;

        var frame = dataset.ToDataFrame();

        frame.Rows.Count.Should().Be(dataset.RecordedCrimes.Count + dataset.OutcomeCounts.Count + dataset.MissingFigures.Count + dataset.Gaps.Count);
        frame.Columns.Select(c => c.Name).Should().StartWith(["figure", "area_kind", "area_name"]);
        var figure = frame.Columns["figure"];
        var count = frame.Columns["count"];
        var counts = new List<object?>();
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            if (figure[i] is "missing" or "gap")
            {
                count[i].Should().BeNull("an absent figure is never zero");
            }

            counts.Add(count[i]);
        }

        counts.Should().ContainSingle(c => Equals(c, 80_123L));
    }
}
