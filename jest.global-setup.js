/** Every Jest run: one folder of database templates, which its workers inherit through the environment. */
module.exports = () => require('@movement/runtime/testing').startTestRun();
