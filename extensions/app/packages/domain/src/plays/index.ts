export * from './ask-buyer';
export * from './concerns';
export * from './lookalikes';
export * from './play-tasks';
export * from './plays';
export * from './task-brief';
export * from './win-win';
export * from './play-facts';
