module RefModule(input [7:0] req, output [7:0] grant, output reg [2:0] grant_idx,
                 output valid);
  integer i;
  assign grant = req & (~req + 8'd1);
  assign valid = (req != 8'h00);
  always @* begin
    grant_idx = 3'd0;
    for (i = 7; i >= 0; i = i - 1)
      if (req[i]) grant_idx = i[2:0];
  end
endmodule
