let pasted = 0;

/**
 * A pasted image under a name of its own. Browsers name every pasted image `image.png`, and Flowise stores a
 * conversation's uploads by name (`get-upload-file`): two pastes would overwrite each other and the history would show
 * the last one twice. A named file (copied from a file manager) keeps its name.
 */
export function namePasted(file: File, now = Date.now()): File {
  if (file.name && !/^image\.\w+$/i.test(file.name)) return file;
  const extension = /\.(\w+)$/.exec(file.name)?.[1] ?? file.type.split('/')[1]?.split('+')[0] ?? 'bin';
  return new File([file], `pasted-${now}-${++pasted}.${extension}`, {
    type: file.type,
    lastModified: file.lastModified,
  });
}
