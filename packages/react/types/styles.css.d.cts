// Side-effect-only stylesheet: lets TypeScript users `import "@clinikapi/react/styles.css"`.
export {};
