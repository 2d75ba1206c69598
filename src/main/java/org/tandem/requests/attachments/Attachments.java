package org.tandem.requests.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files that come with a request, a reply or a note. Who may see them is the caller's
 * rule (the request's): this only keeps an internal note's files from those who may not
 * read internal notes. Pages read the limits from the bean ({@code @attachments}).
 */
@Service
public class Attachments {

	/** The multipart field of every form that carries files. */
	public static final String FIELD = "attachments";

	private final AttachmentRepository repository;

	private final AttachmentsProperties limits;

	Attachments(AttachmentRepository repository, AttachmentsProperties limits) {
		this.repository = repository;
		this.limits = limits;
	}

	/**
	 * The files chosen, checked against the limits: each refused one is a mistake of the
	 * form, on the {@value #FIELD} field, so that the form comes back with what was typed
	 * and says what to do.
	 * @param files what the browser sent (an input left empty sends one empty part)
	 */
	public List<Upload> accept(List<MultipartFile> files, BindingResult errors) {
		List<MultipartFile> chosen = files == null ? List.of()
				: files.stream().filter(f -> !f.isEmpty() || hasName(f)).toList();
		List<Upload> accepted = new ArrayList<>();
		if (chosen.size() > limits.maxFiles()) {
			reject(errors, "attachment.refused.too-many", chosen.size(), limits.maxFiles());
			return List.of();
		}
		for (MultipartFile file : chosen) {
			String name = FileNames.clean(file.getOriginalFilename());
			String shown = name.isEmpty() ? "?" : name;
			Optional<FileType> type = FileType.named(name).filter(limits.types()::contains);
			if (type.isEmpty()) {
				reject(errors, "attachment.refused.type", shown, extensions());
			}
			else if (file.isEmpty()) {
				reject(errors, "attachment.refused.empty", shown);
			}
			else if (file.getSize() > limits.maxFileSize().toBytes()) {
				reject(errors, "attachment.refused.too-big", shown, new FileSize(file.getSize()), maxFileSize());
			}
			else {
				byte[] content = bytes(file);
				if (type.get().holds(content)) {
					accepted.add(new Upload(name, type.get(), content));
				}
				else {
					reject(errors, "attachment.refused.content", shown, type.get().extensions().get(0));
				}
			}
		}
		return errors.hasFieldErrors(FIELD) ? List.of() : accepted;
	}

	/**
	 * Saves the files with their message, in the caller's transaction: a message is never
	 * saved without the files it came with, nor files without their message.
	 * @param messageId the reply or note, null for the request itself
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void store(long requestId, Long messageId, long uploaderId, List<Upload> uploads, Instant now) {
		uploads.forEach(upload -> repository.insert(requestId, messageId, uploaderId, upload, now));
	}

	/** The request's files, an internal note's only for those who read internal notes. */
	@Transactional(readOnly = true)
	public List<Attachment> of(long requestId, boolean withInternal) {
		return repository.of(requestId, withInternal);
	}

	/** One of the request's files, or nothing when it is not one (or not for them). */
	@Transactional(readOnly = true)
	public Optional<Download> download(long requestId, long attachmentId, boolean withInternal) {
		return repository.download(requestId, attachmentId, withInternal);
	}

	public int maxFiles() {
		return limits.maxFiles();
	}

	public FileSize maxFileSize() {
		return new FileSize(limits.maxFileSize().toBytes());
	}

	/** The extensions accepted, as a person reads them. */
	public String extensions() {
		return limits.types()
			.stream()
			.sorted()
			.flatMap(type -> type.extensions().stream())
			.collect(Collectors.joining(", "));
	}

	/** The file input's {@code accept}: what the browser offers to pick first. */
	public String accept() {
		return limits.types()
			.stream()
			.sorted()
			.flatMap(type -> type.extensions().stream())
			.map(extension -> "." + extension)
			.collect(Collectors.joining(","));
	}

	private static boolean hasName(MultipartFile file) {
		return file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty();
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void reject(BindingResult errors, String key, Object... arguments) {
		errors
			.addError(new FieldError(errors.getObjectName(), FIELD, null, false, new String[] { key }, arguments, key));
	}

}
