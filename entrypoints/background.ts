export default defineBackground(() => {
  // The toolbar button opens the side panel; the panel holds all of Cuecard's UI.
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
