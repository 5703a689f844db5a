export function App() {
  return <h1>Autoscaling Playground</h1>;
}
