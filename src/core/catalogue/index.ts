export * from "./types";
export * from "./catalogue";
export * from "./reference";
export * from "./search";
export * from "./select";
export * from "./rating";
