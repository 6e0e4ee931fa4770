export default function PlaygroundPage() {
  return <main className="p-6">Mistral Playground</main>;
}
