// Tasklist settings: Chinese first (locales/zh.json; English stays selectable) and Camunda's stock shortcuts.
export default {
  locales: { availableLocales: ['zh', 'en'], fallbackLocale: 'zh' },
  // our Tasklist plugins, each in its own file under scripts/: the menu, the 售后单 tab beside
  // each task's form and the case search in the navbar
  customScripts: ['scripts/desk-navigation.js', 'scripts/case-desk.js'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
