using System.Text;
using Gongkai.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return GongkaiCli.Run(args, Console.Out, Console.Error);
