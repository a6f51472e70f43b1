import { flows } from "virtual:flows";

export function App() {
  return (
    <main>
      <h1>SCIM Troubleshooter</h1>
      <ul>
        {flows.map((flow) => (
          <li key={flow.id}>{flow.title}</li>
        ))}
      </ul>
    </main>
  );
}
