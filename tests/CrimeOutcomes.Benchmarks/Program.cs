using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/CrimeOutcomes.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
