import { connection } from "next/server";
import { PlaygroundLoader } from "@/components/playground/playground-loader";

export default async function PlaygroundPage() {
  // Read the environment per request, not at build time.
  await connection();
  const serverHasKey = Boolean(process.env.MISTRAL_API_KEY?.trim());
  return <PlaygroundLoader serverHasKey={serverHasKey} />;
}
