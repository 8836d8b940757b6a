declare module 'virtual:cuecard-knowledge' {
  const packs: import('./schema').KnowledgePack[];
  export default packs;
}
