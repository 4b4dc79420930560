/** Every Jest run ends by dropping the database templates it made. */
module.exports = () => require('@movement/runtime/dist/test-databases').finishTestRun();
