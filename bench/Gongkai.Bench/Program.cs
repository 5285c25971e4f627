using Gongkai.Bench;

var command = args.FirstOrDefault() ?? "import";
return command switch
{
    "import" => ImportBench.Run(args.Skip(1).ToArray()),
    "casework" => CaseworkBench.Run(),
    "seed-platform" => PlatformSeeder.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Gongkai.Bench import [--files N] [--corpus DIR] | casework | seed-platform DATABASE");
    return 2;
}
