using System.CommandLine;
using CrimeOutcomes.Cli;

return CommandLine.Build().Parse(args).Invoke();
