using Gongkai.Bench;

var command = args.FirstOrDefault() ?? "import";
return command switch
{
    "import" => ImportBench.Run(args.Skip(1).ToArray()),
    "casework" => CaseworkBench.Run(),
    "supervise" => SupervisionBench.Run(args.Skip(1).ToArray()),
    "seed-platform" => PlatformSeeder.Run(args.Skip(1).ToArray()),
    "registry" => RegistryBench.Run(args.Skip(1).ToArray()),
    "upload" => UploadBench.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Gongkai.Bench import [--files N] [--corpus DIR] | casework | supervise [--agencies N] [--years N] [--files N] [--rounds N] [--collect-only] [--shape text|html|docx|mixed] [--beneath N] | seed-platform DATABASE | registry [--docs N] [--rows N] [--index DIR] | upload --base URL --pid PID [--seconds N] [--concurrency N] [--size-mb N]");
    return 2;
}
