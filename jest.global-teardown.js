/** Every Jest run ends by dropping the database templates it made. */
module.exports = () => require('@movement/runtime/testing').finishTestRun();
