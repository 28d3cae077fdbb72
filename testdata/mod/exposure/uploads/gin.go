// Package uploads holds the document service's upload endpoints.
package uploads

import (
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

const uploadDir = "./uploads"

// Documents serves /documents.
type Documents struct {
	db *sql.DB
}

// Upload is gin's file upload example.
func (d *Documents) Upload(c *gin.Context) {
	file, err := c.FormFile("file")
	if err != nil {
		c.String(http.StatusBadRequest, "get form err: %s", err.Error())
		return
	}
	dst := filepath.Join(uploadDir, file.Filename)
	if err := c.SaveUploadedFile(file, dst); err != nil { // want `AV902 medium: file.Filename, the file name the client sent, is used in the path given to c.SaveUploadedFile: the client picks the stored name .*; generate the name \(e.g. a UUID plus filepath.Ext\) or at least apply filepath.Base`
		c.String(http.StatusInternalServerError, "upload file err")
		return
	}
	c.String(http.StatusOK, "uploaded")
}

// UploadInline concatenates the path.
func (d *Documents) UploadInline(c *gin.Context) {
	file, _ := c.FormFile("avatar")
	_ = c.SaveUploadedFile(file, uploadDir+"/avatars/"+file.Filename) // want `AV902 medium: file.Filename, the file name the client sent, is used in the path given to c.SaveUploadedFile`
}

// UploadMany saves every file of a multi-file form.
func (d *Documents) UploadMany(c *gin.Context) {
	form, err := c.MultipartForm()
	if err != nil {
		c.String(http.StatusBadRequest, "bad form")
		return
	}
	userDir := filepath.Join(uploadDir, c.GetString("user"))
	for _, f := range form.File["files"] {
		if err := c.SaveUploadedFile(f, filepath.Join(userDir, f.Filename)); err != nil { // want `AV902 medium: f.Filename, the file name the client sent`
			c.String(http.StatusInternalServerError, "save failed")
			return
		}
	}
}

// UploadIgnored is reviewed: the scanner's inbox is emptied after each file.
func (d *Documents) UploadIgnored(c *gin.Context) {
	file, _ := c.FormFile("file")
	_ = c.SaveUploadedFile(file, filepath.Join("/var/spool/scan", file.Filename)) //apivet:ignore AV902 the virus scanner needs the original name; its inbox holds one file at a time
}

// --- safe look-alikes ---

// UploadBase keeps only the last element of the name.
func (d *Documents) UploadBase(c *gin.Context) {
	file, _ := c.FormFile("file")
	_ = c.SaveUploadedFile(file, filepath.Join(uploadDir, filepath.Base(file.Filename)))
}

// UploadBaseVar cleans the name in a variable first.
func (d *Documents) UploadBaseVar(c *gin.Context) {
	file, _ := c.FormFile("file")
	name := file.Filename
	name = filepath.Base(name)
	_ = c.SaveUploadedFile(file, filepath.Join(uploadDir, name))
}

// UploadUUID generates the stored name and keeps the extension.
func (d *Documents) UploadUUID(c *gin.Context) {
	file, _ := c.FormFile("file")
	stored := uuid.NewString() + filepath.Ext(file.Filename)
	path := filepath.Join(uploadDir, stored)
	if err := c.SaveUploadedFile(file, path); err != nil {
		c.String(http.StatusInternalServerError, "save failed")
		return
	}
	// The client's name is only metadata.
	_, _ = d.db.Exec("INSERT INTO documents(name, path) VALUES ($1, $2)", file.Filename, path)
}

// UploadChecked checks containment after cleaning.
func (d *Documents) UploadChecked(c *gin.Context) {
	file, _ := c.FormFile("file")
	p := filepath.Join(uploadDir, file.Filename)
	if !strings.HasPrefix(filepath.Clean(p), filepath.Clean(uploadDir)+string(os.PathSeparator)) {
		c.String(http.StatusBadRequest, "bad file name")
		return
	}
	_ = c.SaveUploadedFile(file, p)
}

// UploadTypeChecked checks the content type only: still the client's name.
func (d *Documents) UploadTypeChecked(c *gin.Context) {
	file, _ := c.FormFile("image")
	if !strings.HasPrefix(file.Header.Get("Content-Type"), "image/") {
		c.String(http.StatusBadRequest, "not an image")
		return
	}
	_ = c.SaveUploadedFile(file, filepath.Join(uploadDir, "images", file.Filename)) // want `AV902 medium: file.Filename, the file name the client sent`
}

// UploadStamped prefixes a timestamp: no two uploads share a name.
func (d *Documents) UploadStamped(c *gin.Context) {
	file, _ := c.FormFile("file")
	name := fmt.Sprintf("%d_%s", time.Now().Unix(), file.Filename)
	_ = c.SaveUploadedFile(file, filepath.Join(uploadDir, name))
}

// UploadOwnDir keeps the original name inside a directory of its own.
func (d *Documents) UploadOwnDir(c *gin.Context) {
	file, _ := c.FormFile("file")
	id := uuid.New().String()
	_ = c.SaveUploadedFile(file, filepath.Join(uploadDir, id, file.Filename))
}

// UploadUserDir keeps the client's name in a directory per user.
func (d *Documents) UploadUserDir(c *gin.Context) {
	file, _ := c.FormFile("file")
	userID := c.GetString("userID")
	path := filepath.Join(uploadDir, "users", userID, file.Filename)
	if err := c.SaveUploadedFile(file, path); err != nil { // want `AV902 medium: file.Filename, the file name the client sent, is used in the path given to c.SaveUploadedFile`
		c.String(http.StatusInternalServerError, "save failed")
	}
}

// UploadHashed names the file after its content hash.
func (d *Documents) UploadHashed(c *gin.Context) {
	file, _ := c.FormFile("file")
	_ = c.SaveUploadedFile(file, filepath.Join(uploadDir, contentName(c.GetHeader("X-Checksum"), file.Filename)))
}

func contentName(sum, original string) string {
	return sum + strings.ToLower(filepath.Ext(original))
}
