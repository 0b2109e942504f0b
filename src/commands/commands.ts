/**
 * Function file named by the manifest's <FunctionFile>. KHCT's ribbon button only opens the task
 * pane, so there is no command to register; the file must still load and initialise Office.
 */
if (typeof Office !== "undefined") {
  void Office.onReady();
}
