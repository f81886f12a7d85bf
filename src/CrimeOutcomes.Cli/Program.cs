using CrimeOutcomes.Cli;

return SeedTable.Print(Console.Out);
